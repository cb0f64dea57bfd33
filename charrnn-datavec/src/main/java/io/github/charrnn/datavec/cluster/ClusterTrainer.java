package io.github.charrnn.datavec.cluster;

import java.util.ServiceLoader;

/**
 * A way to train on a cluster, found at run time through {@link ServiceLoader} so that the command line and other
 * callers need no compile-time dependency on the cluster's libraries. charrnn-spark provides one (built with
 * Maven's {@code -Pspark} profile).
 */
public interface ClusterTrainer {

    /**
     * Connects to a cluster.
     *
     * @param master where the cluster is, in the cluster's own terms (for Spark: {@code local[2]},
     *               {@code spark://host:7077}, {@code yarn}; under spark-submit its {@code --master} wins)
     */
    ClusterSession connect(String master);

    /**
     * The cluster trainer on the class path.
     *
     * @throws IllegalStateException if there is none
     */
    static ClusterTrainer find() {
        return ServiceLoader.load(ClusterTrainer.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "Spark training is not on the class path; build with mvn -Pspark (./charrnn does when --spark is given)."));
    }
}
