package io.github.charrnn.generation;

/**
 * Where a stream of a {@link StreamBatch} puts its characters. Called on the thread that steps the batch, between
 * steps, so it must be quick (hand the character on, don't block on a client).
 */
public interface StreamSink {

    /**
     * Takes the next generated code point; returns false to end the stream now (its text is complete, its client
     * has gone, its time is up).
     */
    boolean accept(int codePoint);

    /**
     * Called once when the stream leaves the batch: after its last character, after {@link #accept} returned
     * false, or with the cause when a step failed or the batch was closed (null otherwise).
     */
    void end(Throwable failure);
}
