package io.github.charrnn.spark;

import io.github.charrnn.datavec.cluster.ClusterSession;
import io.github.charrnn.datavec.cluster.ClusterTrainer;

/** The {@link ClusterTrainer} of this module, found through {@link java.util.ServiceLoader}: Spark. */
public final class SparkClusterTrainer implements ClusterTrainer {

    /** Made by ServiceLoader. */
    public SparkClusterTrainer() {
    }

    @Override
    public ClusterSession connect(String master) {
        return SparkCluster.start(master);
    }
}
