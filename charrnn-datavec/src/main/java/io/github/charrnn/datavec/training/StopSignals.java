package io.github.charrnn.datavec.training;

import io.github.charrnn.training.StopRequest;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns SIGINT (Ctrl-C) and SIGTERM (a scheduler's stop) into a {@link StopRequest}: the training loop sees it after
 * its current step, saves a checkpoint and ends the run as usual. The handler only sets the request and prints a
 * line, so nothing is trained or saved on the signal's thread, which would race ND4J's native state as a shutdown
 * hook would. A second signal ends the process at once (exit status 128 + the signal's number).
 */
public final class StopSignals {

    private StopSignals() {
    }

    /** Handlers in place until closed. */
    public interface Installed extends AutoCloseable {
        /** Puts the earlier handlers back. */
        @Override
        void close();
    }

    /**
     * Installs the handlers for SIGINT and SIGTERM, where the platform has them, until the returned handle is
     * closed (which puts the earlier handlers back).
     *
     * @param stop  the request the signals set, with "SIGINT" or "SIGTERM" as the reason
     * @param notes told, in one line, that the run will stop after its current step
     */
    public static Installed install(StopRequest stop, Consumer<String> notes) {
        Map<Signal, SignalHandler> earlier = new LinkedHashMap<>();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal key = new Signal(name);
                earlier.put(key, Signal.handle(key, signal -> {
                    if (stop.requested()) {
                        Runtime.getRuntime().halt(128 + signal.getNumber());
                    }
                    stop.request("SIG" + signal.getName());
                    notes.accept("SIG" + signal.getName() + ": stopping after this step and saving a checkpoint"
                            + " (send it again to quit at once)");
                }));
            } catch (IllegalArgumentException notOnThisPlatform) {
                // no such signal here, or the JVM keeps it (-Xrs): the default handling stays
            }
        }
        return () -> earlier.forEach(Signal::handle);
    }
}
