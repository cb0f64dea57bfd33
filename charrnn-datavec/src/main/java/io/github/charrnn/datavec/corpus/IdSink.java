package io.github.charrnn.datavec.corpus;

/** Where the encoding pass puts the ids, in text order: an array, or a cache file being written. */
interface IdSink {

    /** Appends the id of the next character. */
    void add(int id);
}
