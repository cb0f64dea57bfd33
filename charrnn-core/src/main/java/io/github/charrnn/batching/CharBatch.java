package io.github.charrnn.batching;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Objects;

/**
 * One mini-batch as charrnn's training and evaluation read it: features and labels [batch, width, time] with the
 * {@link BatchFormat} of each named, and the optional masks of a DL4J {@code DataSet}. The formats are decided
 * once, where a DL4J {@code DataSet} enters ({@link #from}), and passed down from there.
 *
 * <p>Immutable as far as the record goes (the arrays are ND4J's and are not copied).
 *
 * @param features      the input characters, [batch, vocabulary, time] one-hot or [batch, 1, time] ids
 * @param featureFormat how {@code features} are written
 * @param labels        the target characters (the next character of each input), laid out as the features
 * @param labelFormat   how {@code labels} are written
 * @param featureMask   null, or DL4J's [batch, time] feature mask
 * @param labelMask     null, or [batch, time] weights of each character's loss (0 leaves it out)
 */
public record CharBatch(INDArray features, BatchFormat featureFormat, INDArray labels, BatchFormat labelFormat,
                        INDArray featureMask, INDArray labelMask) {

    /** @throws NullPointerException if an array or a format is missing (the masks may be null) */
    public CharBatch {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(featureFormat, "featureFormat");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(labelFormat, "labelFormat");
    }

    /** A mini-batch without masks. */
    public CharBatch(INDArray features, BatchFormat featureFormat, INDArray labels, BatchFormat labelFormat) {
        this(features, featureFormat, labels, labelFormat, null, null);
    }

    /**
     * The mini-batch {@code source} handed out, with its formats: those the source declares if it is a
     * {@link CharBatchSource} (checked against the arrays), else read off the arrays' widths by
     * {@link BatchFormat#of}. This is where a DL4J {@code DataSet} becomes a {@code CharBatch}.
     *
     * @throws IllegalArgumentException if the arrays are not [batch, vocabularySize or 1, time] with the same rows and
     *                                  time steps, or do not have the format the source declares
     */
    public static CharBatch from(org.nd4j.linalg.dataset.api.DataSet batch, DataSetIterator source, int vocabularySize) {
        if (source instanceof CharBatchSource declared) {
            return of(batch, declared.format(), declared.format(), vocabularySize);
        }
        return of(batch, vocabularySize);
    }

    /**
     * A DL4J mini-batch whose formats are read off its arrays' widths ({@link BatchFormat#of}): for batches that come
     * from a plain DL4J iterator.
     *
     * @throws IllegalArgumentException as {@link #from}
     */
    public static CharBatch of(org.nd4j.linalg.dataset.api.DataSet batch, int vocabularySize) {
        INDArray features = batch.getFeatures();
        INDArray labels = batch.getLabels();
        if (!(oneOfTheFormats(features, vocabularySize) && oneOfTheFormats(labels, vocabularySize))) {
            throw shapeError(features, labels, vocabularySize);
        }
        return of(batch, BatchFormat.of(features, vocabularySize, "features"),
                BatchFormat.of(labels, vocabularySize, "labels"), vocabularySize);
    }

    /**
     * A DL4J mini-batch in known formats.
     *
     * @throws IllegalArgumentException if the arrays do not have those formats or differ in rows or time steps
     */
    public static CharBatch of(org.nd4j.linalg.dataset.api.DataSet batch, BatchFormat featureFormat,
                               BatchFormat labelFormat, int vocabularySize) {
        INDArray features = batch.getFeatures();
        INDArray labels = batch.getLabels();
        boolean fit = featureFormat.fits(features, vocabularySize) && labelFormat.fits(labels, vocabularySize)
                && labels.size(0) == features.size(0) && labels.size(2) == features.size(2);
        if (!fit) {
            throw shapeError(features, labels, vocabularySize);
        }
        return new CharBatch(features, featureFormat, labels, labelFormat, batch.getFeaturesMaskArray(),
                batch.getLabelsMaskArray());
    }

    private static boolean oneOfTheFormats(INDArray array, int vocabularySize) {
        return array != null && array.rank() == 3 && (array.size(1) == vocabularySize || array.size(1) == 1);
    }

    private static IllegalArgumentException shapeError(INDArray features, INDArray labels, int vocabularySize) {
        return new IllegalArgumentException("Mini-batches must be features and labels of shape [batch, " + vocabularySize
                + ", time] (one-hot, the model's vocabulary size in the middle) or [batch, 1, time] (symbol ids; for"
                + " features only with embedding input); got features " + BatchFormat.shape(features)
                + " and labels " + BatchFormat.shape(labels) + ".");
    }

    /** Rows (sequences) in the mini-batch. */
    public long rows() {
        return features.size(0);
    }

    /** Time steps (characters per row). */
    public long length() {
        return features.size(2);
    }

    /** Whether a feature or label mask is present. */
    public boolean masked() {
        return featureMask != null || labelMask != null;
    }

    /**
     * The first {@code columns} time steps (copies in Fortran order, masks cut alike); this batch itself when it has
     * no more than that.
     */
    public CharBatch firstColumns(long columns) {
        if (columns >= length()) {
            return this;
        }
        return new CharBatch(TimeColumns.firstColumns(features, columns), featureFormat,
                TimeColumns.firstColumns(labels, columns), labelFormat, firstMaskColumns(featureMask, columns),
                firstMaskColumns(labelMask, columns));
    }

    private static INDArray firstMaskColumns(INDArray mask, long columns) {
        return mask == null ? null : mask.get(NDArrayIndex.all(), NDArrayIndex.interval(0, columns)).dup('f');
    }

    /** The mini-batch as a DL4J {@code DataSet} (the same arrays). */
    public DataSet toDataSet() {
        return new DataSet(features, labels, featureMask, labelMask);
    }
}
