package io.github.charrnn.training;

/**
 * A request, from any thread, that a training run stop at its next step and save where it stands: set by a
 * signal handler (Ctrl-C, a scheduler's SIGTERM) or by the run's own time limit, read by the training loop after
 * every step. Nothing is trained or saved on the thread that asks. Thread-safe.
 */
public final class StopRequest {

    private volatile String reason;

    /** Asks the run to stop; {@code reason} (for example "SIGINT") says why. The first reason given is kept. */
    public void request(String reason) {
        synchronized (this) {
            if (this.reason == null) {
                this.reason = reason == null ? "a stop request" : reason;
            }
        }
    }

    /** Whether a stop was asked for. */
    public boolean requested() {
        return reason != null;
    }

    /** Why the run was asked to stop, or null if it was not. */
    public String reason() {
        return reason;
    }
}
