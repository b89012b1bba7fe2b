import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The floor of each I/O design for bench/design.sh: a server that does no HTTP work at all (it
 * finds the blank line that ends a request head and answers the fixed 13 bytes "Hello, world!"),
 * so that what it costs per request is the cost of the design alone.
 * <ul>
 * <li>{@code vthread}: one virtual thread per connection, blocking reads and writes on a
 * {@link Socket}: httpd's design.
 * <li>{@code handoff}: one platform thread waits on a {@link Selector} for readable connections and
 * reads the head; a new virtual thread per request writes the answer: the redesign issue 17
 * names (wait for the next request with a selector, hand the exchange to a virtual thread).
 * <li>{@code loop}: the selector thread reads and writes everything itself: microhttp's design.
 * <li>{@code poller}: httpd's design since issue 17: a virtual thread per connection, parked
 * on an inbox that one selector, itself on a virtual thread, fills and unparks it for; the
 * connection's thread writes.
 * </ul>
 * GET bodies only; pipelined requests are not split (wrk sends one request at a time).
 * Run with: java FloorServer.java MODE PORT
 */
public class FloorServer {
    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 13\r\n\r\nHello, world!").getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws IOException {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1]));
        switch (args[0]) {
            case "vthread" -> perConnection(address);
            case "handoff" -> selector(address, true);
            case "loop" -> selector(address, false);
            case "poller" -> poller(address);
            default -> throw new IllegalArgumentException("mode: vthread, handoff, loop or poller");
        }
    }

    private static void perConnection(InetSocketAddress address) throws IOException {
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(address, 1024);
            System.out.println("listening on " + address);
            while (true) {
                Socket socket = listener.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            }
        }
    }

    private static void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            byte[] buffer = new byte[8192];
            int filled = 0;
            while (true) {
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    return;
                }
                filled += n;
                if (endsHead(buffer, filled)) {
                    out.write(ANSWER);
                    filled = 0;
                } else if (filled == buffer.length) {
                    return;
                }
            }
        } catch (IOException closed) {
            // the client went away
        }
    }

    private static void selector(InetSocketAddress address, boolean handoff) throws IOException {
        try (Selector selector = Selector.open(); ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(address, 1024);
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
            System.out.println("listening on " + address);
            while (true) {
                selector.select(key -> ready(selector, key, handoff));
            }
        }
    }

    private static void ready(Selector selector, SelectionKey key, boolean handoff) {
        try {
            if (key.isAcceptable()) {
                SocketChannel channel = accept(key);
                if (channel != null) {
                    channel.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(8192));
                }
                return;
            }
            SocketChannel channel = (SocketChannel) key.channel();
            ByteBuffer buffer = (ByteBuffer) key.attachment();
            if (channel.read(buffer) < 0 || !buffer.hasRemaining()) {
                key.cancel();
                channel.close();
                return;
            }
            if (endsHead(buffer.array(), buffer.position())) {
                buffer.clear();
                if (handoff) {
                    Thread.ofVirtual().start(() -> answer(channel));
                } else {
                    answer(channel);
                }
            }
        } catch (IOException closed) {
            key.cancel();
        }
    }

    // a write of 88 bytes on a fresh loopback socket does not block; a full one is dropped
    private static void answer(SocketChannel channel) {
        try {
            channel.write(ByteBuffer.wrap(ANSWER));
        } catch (IOException closed) {
            // the client went away; the selector sees it at the next read
        }
    }

    /** A connection of the {@code poller} mode: what the selector read, for its thread. */
    private static final class Inbox {
        final SocketChannel channel;
        final byte[] bytes = new byte[8192];
        int filled;
        boolean ended;
        volatile Thread waiter;

        Inbox(SocketChannel channel) {
            this.channel = channel;
        }
    }

    private static void poller(InetSocketAddress address) throws IOException {
        Selector selector = Selector.open();
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.bind(address, 1024);
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
        System.out.println("listening on " + address);
        Thread poller = Thread.ofVirtual().start(() -> {
            ByteBuffer scratch = ByteBuffer.allocateDirect(65536);
            java.util.List<Thread> woken = new java.util.ArrayList<>();
            while (true) {
                try {
                    selector.select(key -> fill(selector, key, scratch, woken));
                } catch (IOException e) {
                    return;
                }
                woken.forEach(java.util.concurrent.locks.LockSupport::unpark);
                woken.clear();
            }
        });
        try {
            poller.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void fill(Selector selector, SelectionKey key, ByteBuffer scratch,
            java.util.List<Thread> woken) {
        try {
            if (key.isAcceptable()) {
                SocketChannel channel = accept(key);
                if (channel != null) {
                    Inbox inbox = new Inbox(channel);
                    channel.register(selector, SelectionKey.OP_READ, inbox);
                    Thread.ofVirtual().start(() -> serve(inbox));
                }
                return;
            }
            Inbox inbox = (Inbox) key.attachment();
            int n = inbox.channel.read(scratch.clear());
            synchronized (inbox) {
                if (n < 0) {
                    inbox.ended = true;
                    key.cancel();
                } else {
                    int fits = Math.min(n, inbox.bytes.length - inbox.filled);
                    scratch.flip().get(inbox.bytes, inbox.filled, fits);
                    inbox.filled += fits;
                }
            }
            Thread waiter = inbox.waiter;
            if (waiter != null) {
                woken.add(waiter);
            }
        } catch (IOException closed) {
            key.cancel();
        }
    }

    private static void serve(Inbox inbox) {
        byte[] buffer = new byte[8192];
        int filled = 0;
        try (SocketChannel channel = inbox.channel) {
            while (true) {
                int n = take(inbox, buffer, filled);
                if (n < 0) {
                    return;
                }
                filled += n;
                if (endsHead(buffer, filled)) {
                    channel.write(ByteBuffer.wrap(ANSWER));
                    filled = 0;
                } else if (filled == buffer.length) {
                    return;
                }
            }
        } catch (IOException closed) {
            // the client went away
        }
    }

    /** Moves the inbox's bytes after the buffer's first {@code filled}, parking until some come. */
    private static int take(Inbox inbox, byte[] buffer, int filled) {
        while (true) {
            synchronized (inbox) {
                int n = Math.min(inbox.filled, buffer.length - filled);
                if (n > 0) {
                    System.arraycopy(inbox.bytes, 0, buffer, filled, n);
                    System.arraycopy(inbox.bytes, n, inbox.bytes, 0, inbox.filled - n);
                    inbox.filled -= n;
                    inbox.waiter = null;
                    return n;
                }
                if (inbox.ended) {
                    return -1;
                }
                inbox.waiter = Thread.currentThread();
            }
            java.util.concurrent.locks.LockSupport.park();
        }
    }

    /** A connection from the listener, non-blocking, TCP_NODELAY; null when none waits. */
    private static SocketChannel accept(SelectionKey key) throws IOException {
        SocketChannel channel = ((ServerSocketChannel) key.channel()).accept();
        if (channel != null) {
            channel.configureBlocking(false);
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        }
        return channel;
    }

    private static boolean endsHead(byte[] bytes, int length) {
        return length >= 4 && bytes[length - 4] == '\r' && bytes[length - 3] == '\n'
                && bytes[length - 2] == '\r' && bytes[length - 1] == '\n';
    }
}
