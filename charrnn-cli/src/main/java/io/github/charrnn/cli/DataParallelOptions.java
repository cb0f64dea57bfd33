package io.github.charrnn.cli;

import io.github.charrnn.datavec.batching.BatchMode;
import io.github.charrnn.datavec.batching.CharBatches;
import io.github.charrnn.datavec.batching.CharBatchIterator;
import io.github.charrnn.datavec.cluster.ClusterPlan;
import io.github.charrnn.datavec.cluster.ClusterSession;
import io.github.charrnn.datavec.cluster.ClusterTrainer;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.datavec.training.DataParallelSetup;
import io.github.charrnn.training.DataParallelTraining;
import io.github.charrnn.training.TrainingOptions;
import io.github.charrnn.training.parallel.ParallelWrapperTraining;
import picocli.CommandLine.Option;

import java.io.PrintStream;

/** {@code train --workers N} and {@code --spark MASTER}: how many copies of the model train at once, and where. */
final class DataParallelOptions {

    @Option(names = "--workers", paramLabel = "N", description = {"Train N copies at once in this JVM (DL4J's",
            "ParallelWrapper, weights averaged; not resumable;", "docs/spark.md) (default: ${DEFAULT-VALUE})."})
    int workers = 1;

    @Option(names = "--spark", paramLabel = "MASTER", description = {"Train on Apache Spark, parameter averaging:",
            "local[N] for N executor threads here; --text may be", "hdfs:// or s3a:// (docs/spark.md; not resumable)."})
    String spark;

    /** True when the flags ask for more than the single-machine loop. */
    boolean enabled() {
        return spark != null || workers > 1;
    }

    /** Each flag alone, and neither with resuming, checkpoints or (for Spark) random windows or a split by file. */
    void check(boolean resuming, long checkpointEvery, BatchMode mode, boolean validationByFile) {
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, got " + workers + ".");
        }
        if (!enabled()) {
            return;
        }
        String flag = spark != null ? "--spark" : "--workers";
        if (spark != null && workers > 1) {
            throw new IllegalArgumentException("Give --spark or --workers, not both: under --spark the executors are the workers.");
        }
        if (resuming) {
            throw new IllegalArgumentException(flag + " cannot resume a run: data-parallel training is not resumed exactly; leave out --resume.");
        }
        if (checkpointEvery > 0) {
            throw new IllegalArgumentException(flag + " writes no checkpoints; leave out --checkpoint-every.");
        }
        if (spark != null && mode != BatchMode.CONSECUTIVE) {
            throw new IllegalArgumentException("--spark trains on consecutive windows only; leave out --mode random.");
        }
        if (spark != null && validationByFile) {
            throw new IllegalArgumentException("--spark keeps the last characters of the text for validation, not whole files;"
                    + " leave out --val-by-file.");
        }
    }

    /** A connection to the Spark cluster, or null without --spark. */
    ClusterSession connect() {
        if (spark == null) {
            return null;
        }
        ClusterTrainer trainer;
        try {
            trainer = ClusterTrainer.find();
        } catch (IllegalStateException missing) {
            // the one thing the user can do about it is build differently: a bad-input message, not a crash
            throw new IllegalArgumentException(missing.getMessage(), missing);
        }
        return trainer.connect(spark);
    }

    /**
     * How a training run trains with the workers the flags ask for, or null for the single-machine loop; the setup
     * prints which workers train when the run starts them.
     *
     * @param cluster  the connection from {@link #connect()}
     */
    DataParallelSetup setup(ClusterSession cluster, TextCorpus corpus, int sequenceLength, double validationFraction,
                            PrintStream out) {
        if (!enabled()) {
            return null;
        }
        return new DataParallelSetup() {
            /** The --workers (1 under --spark: charrnn-spark cuts blocks for its executors itself). */
            @Override
            public int workers() {
                return Math.max(1, workers);
            }

            @Override
            public DataParallelTraining training(CharBatches.TrainingBatches batches, TrainingOptions options) {
                DataParallelTraining training = DataParallelOptions.this.training(cluster, corpus, batches, sequenceLength,
                        validationFraction, options);
                out.println("training: " + training.describe() + " (DL4J's fit on each worker)");
                return training;
            }
        };
    }

    private DataParallelTraining training(ClusterSession cluster, TextCorpus corpus, CharBatches.TrainingBatches batches,
                                          int sequenceLength, double validationFraction, TrainingOptions options) {
        if (cluster != null) {
            CharBatchIterator train = batches.train();
            return cluster.training(corpus, new ClusterPlan(train.batch(), sequenceLength, train.windowsPerBatch(),
                    validationFraction, 1, options));
        }
        return new ParallelWrapperTraining(batches.train(), batches.validation(), options, workers);
    }
}
