package io.github.charrnn.cli;

import io.javalin.http.Context;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps other web pages from using {@code charrnn serve} through a visitor's browser: a request must name the
 * server by one of its own names in {@code Host} (which defeats DNS rebinding), may come from another page's origin
 * only when {@code --allow-origin} names it, and must declare a POST body as JSON (a browser sends a cross-origin
 * {@code text/plain} POST without asking first; it asks before sending {@code application/json}).
 */
final class RequestGuard {

    private static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> hosts = new LinkedHashSet<>();
    private final Set<String> origins = new LinkedHashSet<>();

    /**
     * @param boundHost    the address the server listens on
     * @param allowHosts   other names the server answers to ({@code --allow-host})
     * @param allowOrigins origins whose pages may call the server ({@code --allow-origin})
     */
    RequestGuard(String boundHost, List<String> allowHosts, List<String> allowOrigins) {
        String bound = hostName(boundHost);
        if (isLoopbackOrAny(boundHost)) {
            hosts.addAll(LOOPBACK_NAMES);
        }
        hosts.add(bound);
        allowHosts.forEach(name -> hosts.add(hostName(name)));
        allowOrigins.forEach(origin -> origins.add(origin.toLowerCase(Locale.ROOT).replaceAll("/+$", "")));
    }

    /** Refuses (403) a request whose Host is not one of the server's names, or whose Origin is foreign and not allowed. */
    void check(Context ctx) {
        String host = ctx.header("Host");
        if (host != null && !hosts.contains(hostName(stripPort(host)))) {
            throw RequestRefused.forbidden("Host " + stripPort(host) + " is not a name of this server, which answers "
                    + String.join(", ", hosts) + " (charrnn serve --allow-host NAME adds one).");
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        String normalized = origin.toLowerCase(Locale.ROOT);
        boolean sameOrigin = host != null && (normalized.equals("http://" + host.toLowerCase(Locale.ROOT))
                || normalized.equals("https://" + host.toLowerCase(Locale.ROOT)));
        if (sameOrigin) {
            return;
        }
        if (!origins.contains(normalized)) {
            throw RequestRefused.forbidden("Pages from " + origin + " may not call this server"
                    + " (charrnn serve --allow-origin " + origin + " allows them).");
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Vary", "Origin");
    }

    /** Refuses (415) a POST body not declared as {@code application/json}. */
    static void requireJson(Context ctx) {
        String type = ctx.header("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw RequestRefused.unsupportedMediaType("POST " + ctx.path() + " takes a JSON body sent with Content-Type:"
                    + " application/json, not " + (type == null ? "no Content-Type" : type) + ".");
        }
    }

    /** A host name as compared: lower case, an IPv6 address in brackets. */
    private static String hostName(String name) {
        String lower = name.toLowerCase(Locale.ROOT).strip();
        return lower.contains(":") && !lower.startsWith("[") ? "[" + lower + "]" : lower;
    }

    /** {@code name:port} or {@code [v6]:port} without the port. */
    private static String stripPort(String host) {
        int colon = host.lastIndexOf(':');
        int bracket = host.lastIndexOf(']');
        return colon > bracket && (bracket >= 0 || host.indexOf(':') == colon) ? host.substring(0, colon) : host;
    }

    private static boolean isLoopbackOrAny(String host) {
        try {
            InetAddress address = InetAddress.getByName(host.replaceAll("^\\[|]$", ""));
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
