package io.github.charrnn.training;

/**
 * Where a training run stands at the end of a mini-batch, so that it can be resumed exactly: the epoch in
 * progress, how many of its mini-batches are done, and the state of ND4J's random generator (which draws the
 * dropout masks). Written into checkpoints; given back through {@link TrainingOptions.Builder#resumeFrom}.
 *
 * <p>Immutable.
 *
 * @param epoch            the epoch in progress, from 1
 * @param batchesDone      mini-batches of that epoch already trained on
 * @param randomRootState  ND4J's generator state, first half
 * @param randomNodeState  ND4J's generator state, second half
 * @param batching         how the data was cut, described as one line ({@link BatchingKey#describe()}): the only
 *                         record of it in files of earlier versions, which read it; may be null
 * @param key              how the data was cut, so that a resumed run can check it is given the same data
 *                         ({@link BatchingKey#checkResumes}); null in files of earlier versions
 * @param runId            the id of the run (its best checkpoints carry it in their names); null in files of
 *                         earlier versions
 * @param carried          windows of the next mini-batch already trained and the recurrent state to continue from;
 *                         null where training stopped at a mini-batch boundary with nothing carried (and in files of
 *                         earlier versions)
 */
public record TrainingPosition(int epoch, long batchesDone, long randomRootState, long randomNodeState, String batching,
                               BatchingKey key, String runId, CarriedState carried) {

    /** A position without run id or carried state. */
    public TrainingPosition(int epoch, long batchesDone, long randomRootState, long randomNodeState, String batching,
                            BatchingKey key) {
        this(epoch, batchesDone, randomRootState, randomNodeState, batching, key, null, null);
    }

    /** A position that records how the data was cut by its key (and that key's description). */
    public TrainingPosition(int epoch, long batchesDone, long randomRootState, long randomNodeState, BatchingKey key) {
        this(epoch, batchesDone, randomRootState, randomNodeState, key == null ? null : key.describe(), key);
    }

    /** A position that records how the data was cut only as a description (as files of earlier versions do). */
    public TrainingPosition(int epoch, long batchesDone, long randomRootState, long randomNodeState, String batching) {
        this(epoch, batchesDone, randomRootState, randomNodeState, batching, null);
    }

    /** Checks the counters. */
    public TrainingPosition {
        if (epoch < 1 || batchesDone < 0) {
            throw new IllegalArgumentException("A training position needs an epoch from 1 and a non-negative batch count,"
                    + " got epoch " + epoch + " and " + batchesDone + " batches.");
        }
    }
}
