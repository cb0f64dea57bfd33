package io.github.charrnn.spark;

import io.github.charrnn.datavec.cluster.ClusterPlan;
import io.github.charrnn.datavec.cluster.ClusterSession;
import io.github.charrnn.datavec.corpus.TextCorpus;
import io.github.charrnn.training.DataParallelTraining;
import io.github.charrnn.vocabulary.Vocabulary;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A Spark context for reading texts and training: started on {@link #start(String)}, stopped on {@link #close()}.
 * Settings given to spark-submit (or as {@code spark.*} system properties) win over the master given here.
 */
public final class SparkCluster implements ClusterSession {

    private final JavaSparkContext spark;

    private SparkCluster(JavaSparkContext spark) {
        this.spark = spark;
    }

    /**
     * Starts a Spark context.
     *
     * @param master {@code local[N]} for N executor threads in this JVM, {@code spark://host:7077}, {@code yarn}, ...
     */
    public static SparkCluster start(String master) {
        SparkConf conf = new SparkConf(true).setAppName("charrnn").setIfMissing("spark.master", master);
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");   // no web server for a run inside one JVM
            conf.setIfMissing("spark.driver.host", "127.0.0.1");   // nor a listening socket beyond the loopback
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return new SparkCluster(new JavaSparkContext(conf));
    }

    /** The Spark context, for callers that build their own RDDs. */
    public JavaSparkContext context() {
        return spark;
    }

    @Override
    public String describe() {
        return "Spark " + spark.master() + ", " + spark.defaultParallelism() + " executor cores";
    }

    @Override
    public TextCorpus read(String location, Vocabulary vocabulary) {
        return SparkTexts.read(spark, location, vocabulary);
    }

    @Override
    public DataParallelTraining training(TextCorpus corpus, ClusterPlan plan) {
        return new SparkTraining(spark, corpus, plan);
    }

    @Override
    public void close() {
        spark.stop();
    }
}
