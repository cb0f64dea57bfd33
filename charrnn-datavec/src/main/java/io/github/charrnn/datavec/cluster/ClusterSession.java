package io.github.charrnn.datavec.cluster;

import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.training.DataParallelTraining;
import io.github.charrnn.vocabulary.Vocabulary;

/** A connection to a cluster that reads texts and trains models on it; close it when done. */
public interface ClusterSession extends AutoCloseable {

    /** What the cluster is, for reports, for example "Spark local[2], 2 executor cores". */
    String describe();

    /**
     * Reads a text through the cluster's file systems (for Spark any path Hadoop reads: {@code hdfs://},
     * {@code s3a://}, {@code file:}, or a plain local path), a file or a folder of files joined in path order.
     *
     * @param vocabulary  the vocabulary to encode it with, or null for the text's own
     * @throws io.github.charrnn.datavec.corpus.CorpusException if nothing is there or the text is empty
     */
    TextCorpus read(String location, Vocabulary vocabulary);

    /** Data-parallel training on a corpus as the plan says; run it with {@code CharRnn.fit(DataParallelTraining, ...)}. */
    DataParallelTraining training(TextCorpus corpus, ClusterPlan plan);

    /** Disconnects. */
    @Override
    void close();
}
