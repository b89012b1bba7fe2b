package io.httpd.core.server;

import io.httpd.core.http1.Http1Context;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reload's change of listeners, in two steps: {@link HttpServer#rebind} binds the new
 * addresses (a failure there changes nothing); then {@link #commit} puts them in service, hands
 * the staying listeners their new TLS provider and PROXY flag, and drains the removed ones as
 * a graceful stop would, or {@link #abort} closes what was bound.
 */
public final class Rebind {
    private final HttpServer server;
    private final List<Endpoint> wanted;
    private final List<Listening> bound;
    private final Map<String, Listening> current;

    Rebind(HttpServer server, List<Endpoint> wanted, List<Listening> bound,
           Map<String, Listening> current) {
        this.server = server;
        this.wanted = wanted;
        this.bound = bound;
        this.current = new HashMap<>(current);
    }

    /** The addresses the new listeners got. */
    public List<InetSocketAddress> added() {
        return bound.stream().map(Listening::local).toList();
    }

    /** The listeners about to be removed. */
    public List<InetSocketAddress> removed() {
        Set<String> keys = new HashSet<>();
        wanted.forEach(e -> keys.add(e.key()));
        return current.values().stream().filter(l -> !keys.contains(l.endpoint.key()))
                .map(Listening::local).toList();
    }

    /** Puts the new listeners in service, updates the staying ones, drains removed ones. */
    public void commit(Duration grace) {
        for (Endpoint e : wanted) {
            Listening staying = current.remove(e.key());
            if (staying != null) {
                staying.follow(e);
            }
        }
        bound.forEach(server::startAccepting);
        for (Listening gone : current.values()) {
            server.listeners.remove(gone);
            gone.stopAccepting(); // refused from now on; its connections drain meanwhile
            Thread.ofVirtual().name("listener-drain").start(() -> drainQuietly(gone, grace));
        }
    }

    /** Closes the listeners bound for a reload that failed. */
    public void abort() {
        bound.forEach(l -> Listening.closeQuietly(l.channel));
    }

    private static void drainQuietly(Listening gone, Duration grace) {
        try {
            gone.drain(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
