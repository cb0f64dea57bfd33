package io.github.charrnn.datavec.batching;

import io.github.charrnn.model.InputEncoding;

/** How the characters of a mini-batch are written into its feature and label arrays. */
public enum BatchFormat {
    /**
     * One-hot features and labels [batch, vocabulary, time]: what any DL4J recurrent network reads, and what
     * DL4J's own {@code fit} needs as labels.
     */
    ONE_HOT,
    /**
     * Symbol ids as floats, features and labels [batch, 1, time]: a vocabulary-th of the memory, for networks
     * with {@link InputEncoding#EMBEDDING embedding input}, which look their input up by id. charrnn's training
     * and evaluation read id labels directly; where DL4J's own {@code fit} trains, the labels are made one-hot
     * one mini-batch at a time.
     */
    IDS;

    /** The format a network with this input encoding trains fastest on: ids for embedding input, else one-hot. */
    public static BatchFormat forInput(InputEncoding input) {
        return input == InputEncoding.EMBEDDING ? IDS : ONE_HOT;
    }

    /** Floats per character and row in a feature array of this format. */
    public int width(int vocabularySize) {
        return this == IDS ? 1 : vocabularySize;
    }
}
