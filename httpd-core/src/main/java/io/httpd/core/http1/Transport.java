package io.httpd.core.http1;

import io.httpd.api.ConnectionInfo;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;

/**
 * The byte pipe under one connection: a socket channel with its streams in production, an
 * in-memory pair in tests, so the whole connection loop runs either way.
 */
public interface Transport extends Closeable {
    InputStream input() throws IOException;

    OutputStream output() throws IOException;

    /** The peer's address and port. */
    InetSocketAddress remote();

    /** The connection as requests see it: plain HTTP from {@link #remote()} by default. */
    default ConnectionInfo info() {
        return ConnectionInfo.plain(remote());
    }

    /** How long the next read may block, in milliseconds; 0 waits forever. */
    void readTimeout(int millis) throws IOException;

    /**
     * Sends a file region straight from the file to the peer (sendfile), when this transport
     * can. The caller has flushed its own buffers first.
     *
     * @return false when the transport cannot; the caller then copies through {@link #output()}
     */
    boolean transferFile(FileChannel file, long position, long count) throws IOException;

    /**
     * Says that a {@link #transferFile} follows the next write at once: the transport may keep
     * that write's bytes back to send them in the file's first packet (nginx: TCP_CORK). The
     * transfer, or a write after it, sends them whatever happens.
     */
    default void fileFollows() {
    }

    /**
     * Since when the write in progress has waited for the peer to accept bytes, as
     * {@link System#nanoTime()}; 0 when no write is waiting. Read by another thread to enforce
     * send_timeout.
     */
    default long sendingSince() {
        return 0;
    }

    /**
     * Bytes that {@link #transferFile} has sent since the connection opened, counted as they
     * go, so a transfer that failed part-way (the peer left, the file shrank) is counted too.
     */
    default long fileBytesSent() {
        return 0;
    }

    /**
     * Lets the connection rest between requests with no thread, if this transport can wake it:
     * true when it rests (something that comes then makes the transport serve it again), false
     * when the thread is to wait as usual. Default: false.
     */
    default boolean rest() {
        return false;
    }

    /**
     * Called before the connection's thread may block on something other than this transport (a
     * handler or validator that says it may): a connection served on a poller's thread moves off
     * it first ({@link PolledTransport#mayBlock}). Does nothing elsewhere.
     */
    default void mayBlock() {
    }

    /**
     * Ends the output (a TCP half-close) while input can still be read. Does nothing where there
     * is no such thing.
     */
    default void shutdownOutput() throws IOException {
    }

    /** Closes the connection; further reads and writes fail. Idempotent. */
    @Override
    void close() throws IOException;
}
