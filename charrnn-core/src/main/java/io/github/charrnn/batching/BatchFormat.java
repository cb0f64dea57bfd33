package io.github.charrnn.batching;

import io.github.charrnn.model.InputEncoding;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * How the characters of a mini-batch are written into its feature or label array. charrnn's training and
 * evaluation are told the format ({@link CharBatch}); they never infer it from an array's width.
 */
public enum BatchFormat {
    /**
     * One-hot [batch, vocabulary, time]: what any DL4J recurrent network reads, and what DL4J's own {@code fit}
     * needs as labels.
     */
    ONE_HOT,
    /**
     * Symbol ids as floats, [batch, 1, time]: a vocabulary-th of the memory. Features may be ids only for networks
     * with {@link InputEncoding#EMBEDDING embedding input}, which look their input up by id; labels may be ids for
     * any network. charrnn's training and evaluation read id labels directly; where DL4J's own {@code fit} trains,
     * the labels are made one-hot one mini-batch at a time.
     */
    IDS;

    /** The format a network with this input encoding trains fastest on: ids for embedding input, else one-hot. */
    public static BatchFormat forInput(InputEncoding input) {
        return input == InputEncoding.EMBEDDING ? IDS : ONE_HOT;
    }

    /** Floats per character and row in an array of this format. */
    public int width(int vocabularySize) {
        return this == IDS ? 1 : vocabularySize;
    }

    /**
     * The format of an array that came without one (from a plain DL4J {@code DataSetIterator}): the one place where
     * a format is read off a width. [batch, vocabularySize, time] is one-hot (also for a vocabulary of one symbol),
     * [batch, 1, time] ids.
     *
     * @param what names the array in the message, for example "features"
     * @throws IllegalArgumentException if the array is not [batch, vocabularySize or 1, time]
     */
    public static BatchFormat of(INDArray array, int vocabularySize, String what) {
        if (array != null && array.rank() == 3) {
            if (array.size(1) == vocabularySize) {
                return ONE_HOT;
            }
            if (array.size(1) == 1) {
                return IDS;
            }
        }
        throw new IllegalArgumentException("The " + what + " must be [batch, " + vocabularySize + ", time] (one-hot) or"
                + " [batch, 1, time] (symbol ids); got " + shape(array) + ".");
    }

    /**
     * Whether {@code array} is laid out in this format: rank 3 and {@link #width} floats per character.
     */
    public boolean fits(INDArray array, int vocabularySize) {
        return array != null && array.rank() == 3 && array.size(1) == width(vocabularySize);
    }

    static String shape(INDArray array) {
        return array == null ? "none" : Arrays.toString(array.shape());
    }
}
