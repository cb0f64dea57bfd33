package io.github.charrnn.datavec.corpus;

/** A training text could not be used; the message names the file (and byte offset) and what is wrong. */
public class CorpusException extends IllegalArgumentException {

    /** @param message one sentence saying what was wrong and what is allowed */
    public CorpusException(String message) {
        super(message);
    }

    /** @param message one sentence saying what was wrong and what is allowed */
    public CorpusException(String message, Throwable cause) {
        super(message, cause);
    }
}
