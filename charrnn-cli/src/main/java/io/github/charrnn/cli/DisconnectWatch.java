package io.github.charrnn.cli;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Notices that the client of a waiting JSON request has closed its connection, so that its generation stops within
 * a step or two (or, for work not yet started, never starts) instead of running for nobody. Jetty only learns of a closed connection when it reads or writes,
 * and it does neither while a request waits; so every {@value #PROBE_MILLIS} ms this reads the socket without
 * blocking: end of stream means the client has gone. (A client that sends its next request before the answer to
 * this one, HTTP pipelining, which browsers and common clients do not do, would lose that request's first byte.)
 * The watch ends, under the same lock, before the answer is written, after which Jetty reads the connection again.
 */
final class DisconnectWatch {

    private static final long PROBE_MILLIS = 200;

    private final SocketChannel channel;
    private final Runnable onGone;
    private final ByteBuffer probe = ByteBuffer.allocate(1);
    private ScheduledFuture<?> probing;
    private boolean ended;

    private DisconnectWatch(SocketChannel channel, Runnable onGone) {
        this.channel = channel;
        this.onGone = onGone;
    }

    /**
     * Starts watching the request's connection, running {@code onGone} (e.g. cancelling its job) once the client
     * has gone; null when the connection is not a plain socket.
     */
    static DisconnectWatch start(HttpServletRequest request, Runnable onGone, ScheduledExecutorService scheduler) {
        EndPoint endPoint = endPoint(request);
        if (!(endPoint instanceof SocketChannelEndPoint socket)) {
            return null;
        }
        DisconnectWatch watch = new DisconnectWatch(socket.getChannel(), onGone);
        synchronized (watch) {
            watch.probing = scheduler.scheduleWithFixedDelay(watch::probe, PROBE_MILLIS, PROBE_MILLIS, TimeUnit.MILLISECONDS);
        }
        return watch;
    }

    /** Jetty's end of the request's connection. */
    static EndPoint endPoint(HttpServletRequest request) {
        return ServletContextRequest.getServletContextRequest(request).getConnectionMetaData().getConnection().getEndPoint();
    }

    private synchronized void probe() {
        if (ended) {
            return;
        }
        try {
            probe.clear();
            if (channel.read(probe) < 0) {
                onGone.run();
                end();
            }
        } catch (IOException e) {
            onGone.run();   // a reset connection
            end();
        }
    }

    /** Stops watching; after it returns, the watch does not touch the connection again. */
    synchronized void end() {
        ended = true;
        if (probing != null) {
            probing.cancel(false);
        }
    }
}
