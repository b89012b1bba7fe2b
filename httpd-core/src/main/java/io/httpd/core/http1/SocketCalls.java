package io.httpd.core.http1;

import io.httpd.core.event.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.FileDescriptor;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The system calls of a plain socket, made directly where the JDK's channels make more of
 * them, or other ones, than a server needs (the engine notes, "System calls"):
 * <ul>
 *   <li>{@code send(2)} with {@code MSG_MORE}: the kernel keeps the bytes (a response's head)
 *   until the next send on the socket (sendfile of the file, whose last piece pushes), so the
 *   head leaves in the file's first packet rather than in one of its own. nginx gets the same
 *   from {@code TCP_CORK} (tcp_nopush) with two more system calls. The JDK has neither.</li>
 *   <li>{@code sendfile(2)} alone: {@code FileChannel.transferTo} makes three calls for it
 *   ({@code fstat} for the size, a {@code copy_file_range} that fails on a socket, then
 *   {@code sendfile}), with its locks around them.</li>
 *   <li>{@code send(2)} and {@code recv(2)} for every other write and read, without the
 *   channel's locks, its bookkeeping and its copy through a temporary direct buffer.</li>
 * </ul>
 *
 * <p>They need descriptors, which only {@code sun.nio.ch} holds ({@code bin/httpd} opens it to
 * this module), and downcalls through the FFM API ({@code --enable-native-access}). Without
 * either option, off Linux, or with {@code -Dhttpd.socketCalls=off}, {@link #ready()} stays
 * false and the channels do the work as before; the log says which at start
 * ({@code socket.calls}). The calls pass heap arrays as they are ({@link Linker.Option#critical})
 * and never wait: the socket is non-blocking, and {@code MSG_DONTWAIT} says so again. A failed
 * call's {@code errno} becomes the exception the channel would have thrown.
 *
 * <p>A descriptor is a number the kernel gives to the next file or socket as soon as it is
 * closed: a caller holds off every close of both while it calls ({@link PolledTransport}, and
 * the lease on a file of {@link KeptFiles}), and checks that the socket is still open first.
 */
final class SocketCalls {
    private static final int MSG_DONTWAIT = 0x40;  // Linux's values, on every architecture
    private static final int MSG_NOSIGNAL = 0x4000;
    private static final int MSG_MORE = 0x8000;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    /** How long after start {@link #linkSoon} links: start-up's CPU first. */
    static final Duration LINK_DELAY = Duration.ofSeconds(1);
    /** The system property that turns the calls off: {@code -Dhttpd.socketCalls=off}. */
    static final String SWITCH = "httpd.socketCalls";
    private static final Logger LOG = LoggerFactory.getLogger(SocketCalls.class);
    private static final AtomicBoolean linkStarted = new AtomicBoolean();
    private static volatile boolean linked; // Linked is initialised, and the calls available

    /**
     * The C library's symbols, looked up when a server starts ({@link #linkSoon}): the lookup
     * opens a library, so it needs a descriptor, which a flood of connections in the first
     * second could leave none of (the same reason as {@code server.PollerStart}).
     */
    private static final class Symbols {
        static final SymbolLookup LIBC = Linker.nativeLinker().defaultLookup();

        /**
         * Opens the library now: this class initialises, and with it the lookup, which loads
         * its library at once; finding a symbol in it later needs no descriptor.
         */
        static void open() {
        }
    }

    /**
     * The calls, linked when this class initialises: about 0.2 s of CPU spinning method
     * handles, which the AOT cache does not keep (the JDK does not archive FFM's), so it
     * happens out of start-up's way ({@link #linkSoon}). Only {@link #ready()} says when the
     * methods below may be called.
     */
    private static final class Linked {
        static final boolean AVAILABLE;
        /** Why not, when not AVAILABLE: for the log. */
        static final String MISSING;
        static final MethodHandle SOCKET;   // (SocketChannel) int
        static final MethodHandle FILE;     // (FileChannel) int
        static final Class<?> FILE_TYPE;    // the JDK's FileChannel, which FILE reads
        // each first takes where errno goes
        static final MethodHandle SEND;     // (MemorySegment, int, MemorySegment, long, int) long
        static final MethodHandle SENDFILE; // (MemorySegment, int, int, MemorySegment, long) long
        static final MethodHandle RECV;     // (MemorySegment, int, MemorySegment, long, int) long
        static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
        static final long ERRNO = CALL_STATE.byteOffset(
                MemoryLayout.PathElement.groupElement("errno"));

        static {
            MethodHandle socket = null;
            MethodHandle file = null;
            MethodHandle send = null;
            MethodHandle sendfile = null;
            MethodHandle recv = null;
            Class<?> fileImpl = null;
            String missing = unavailable();
            if (missing == null) {
                try {
                    MethodHandles.Lookup lookup = MethodHandles.lookup();
                    socket = lookup.findVirtual(Class.forName("sun.nio.ch.SelChImpl"),
                                    "getFDVal", MethodType.methodType(int.class))
                            .asType(MethodType.methodType(int.class, SocketChannel.class));
                    fileImpl = Class.forName("sun.nio.ch.FileChannelImpl");
                    MethodHandle fdVal = lookup.findStatic(Class.forName("sun.nio.ch.IOUtil"),
                            "fdVal", MethodType.methodType(int.class, FileDescriptor.class));
                    file = MethodHandles.filterReturnValue(
                                    MethodHandles.privateLookupIn(fileImpl, lookup)
                                            .findGetter(fileImpl, "fd", FileDescriptor.class),
                                    fdVal)
                            .asType(MethodType.methodType(int.class, FileChannel.class));
                    send = call("send", ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT);
                    sendfile = call("sendfile", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG);
                    recv = call("recv", ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT);
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    socket = null; // the JDK's insides moved: the channels do it all
                    missing = e.toString();
                }
            }
            MISSING = missing;
            AVAILABLE = socket != null;
            SOCKET = socket;
            FILE = file;
            FILE_TYPE = fileImpl;
            SEND = send;
            SENDFILE = sendfile;
            RECV = recv;
        }
    }

    private SocketCalls() {
    }

    /** Why the calls cannot be made in this JVM, or null when they can. */
    private static String unavailable() {
        Module self = SocketCalls.class.getModule();
        if (System.getProperty(SWITCH, "on").equals("off")) {
            return "-D" + SWITCH + "=off";
        } else if (!System.getProperty("os.name", "").equals("Linux")) {
            return "not Linux";
        } else if (!self.isNativeAccessEnabled()) {
            return "no --enable-native-access=" + self.getName();
        } else if (!Object.class.getModule().isOpen("sun.nio.ch", self)) {
            return "no --add-opens java.base/sun.nio.ch=" + self.getName();
        }
        return null;
    }

    /** A C function that returns a {@code ssize_t}: critical, its {@code errno} captured. */
    private static MethodHandle call(String name, MemoryLayout... arguments) {
        Linker linker = Linker.nativeLinker();
        return linker.downcallHandle(Symbols.LIBC.findOrThrow(name),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, arguments),
                Linker.Option.captureCallState("errno"), Linker.Option.critical(true));
    }

    /**
     * Whether the calls are linked and can be made: the options are given, this is Linux, and
     * {@link #link} or {@link #linkSoon} has run. Asked before each call (a volatile read).
     */
    static boolean ready() {
        return linked;
    }

    /** Links the calls now, on this thread, if not done yet; returns {@link #ready()}. */
    static boolean link() {
        linked = Linked.AVAILABLE;
        return linked;
    }

    /**
     * Links the calls on a thread of their own {@link #LINK_DELAY} from now, once per process:
     * a server's start calls it, so that its first responses do not wait for the linking and
     * on one core do not share the CPU with it. Until then every connection uses the
     * channels' calls.
     */
    static void linkSoon() {
        if (linkStarted.compareAndSet(false, true)) {
            if (unavailable() == null) {
                try {
                    Symbols.open();
                } catch (RuntimeException | LinkageError e) {
                    // no C library to call: Linked says so when it links
                }
            }
            Thread.ofPlatform().daemon().name("socket-calls").start(() -> {
                try {
                    Thread.sleep(LINK_DELAY);
                } catch (InterruptedException e) {
                    return; // the process is ending
                }
                if (link()) {
                    LOG.atInfo().setMessage(Events.SOCKET_CALLS).addKeyValue("state", "on").log();
                } else {
                    LOG.atInfo().setMessage(Events.SOCKET_CALLS).addKeyValue("state", "off")
                            .addKeyValue("reason", Linked.MISSING).log();
                }
            });
        }
    }

    /** The socket's descriptor; only when {@link #ready()}. */
    static int descriptor(SocketChannel channel) {
        try {
            return (int) Linked.SOCKET.invokeExact(channel);
        } catch (Throwable e) {
            throw new IllegalStateException("no descriptor for " + channel, e);
        }
    }

    /** The file's descriptor, or -1 when it is not the JDK's own kind of file channel. */
    static int descriptor(FileChannel file) {
        if (file.getClass() != Linked.FILE_TYPE) {
            return -1;
        }
        try {
            return (int) Linked.FILE.invokeExact(file);
        } catch (Throwable e) {
            throw new IllegalStateException("no descriptor for " + file, e);
        }
    }

    /** A failed call's errno: a heap array, as critical calls may take (one int on Linux). */
    private static int[] errno() {
        return new int[(int) (Linked.CALL_STATE.byteSize() / Integer.BYTES)];
    }

    private static int errnoOf(int[] state) {
        return state[(int) (Linked.ERRNO / Integer.BYTES)];
    }

    /**
     * What a failed call says, in the JDK's words for the usual ones, so that logs read the
     * same either way. EAGAIN and EINTR are no failures: the callers wait or ask again.
     */
    private static SocketException failure(String call, int errno) {
        return new SocketException(switch (errno) {
            case 32 -> "Broken pipe";
            case 104 -> "Connection reset";
            case 110 -> "Connection timed out";
            case 113 -> "No route to host";
            default -> call + " failed: errno " + errno;
        });
    }

    /**
     * Sends {@code len} bytes of {@code b} from {@code off}; with {@code more}, queues them for
     * the next send (a head for its file: see the class comment).
     *
     * @return how many it sent, maybe fewer than asked; -1 when the socket is full
     * @throws SocketException when the connection failed
     */
    static int send(int socket, byte[] b, int off, int len, boolean more) throws SocketException {
        int[] state = errno();
        long n;
        try {
            n = (long) Linked.SEND.invokeExact(MemorySegment.ofArray(state), socket,
                    MemorySegment.ofArray(b).asSlice(off, len), (long) len,
                    (more ? MSG_MORE : 0) | MSG_DONTWAIT | MSG_NOSIGNAL);
        } catch (Throwable e) {
            throw new IllegalStateException("send failed to run", e);
        }
        return n >= 0 ? (int) n : full(state, "send");
    }

    private static int full(int[] state, String call) throws SocketException {
        int errno = errnoOf(state);
        if (errno == EAGAIN || errno == EINTR) {
            return -1;
        }
        throw failure(call, errno);
    }

    /**
     * Direct memory the poller receives into (one per poller, used by one thread at a time).
     */
    static final class Receiving {
        final ByteBuffer buffer;
        private final MemorySegment bytes;

        Receiving(int size) {
            buffer = ByteBuffer.allocateDirect(size);
            bytes = MemorySegment.ofBuffer(buffer);
        }
    }

    /**
     * Receives what the socket holds, up to the buffer's capacity, into {@code into}'s buffer
     * (cleared, then limited to what came).
     *
     * @return bytes received; 0 at the end of the stream; -1 when nothing was there
     * @throws SocketException when the connection failed (a reset)
     */
    static int receive(int socket, Receiving into) throws SocketException {
        int[] state = errno();
        long n;
        try {
            n = (long) Linked.RECV.invokeExact(MemorySegment.ofArray(state), socket, into.bytes,
                    (long) into.buffer.capacity(), MSG_DONTWAIT);
        } catch (Throwable e) {
            throw new IllegalStateException("recv failed to run", e);
        }
        into.buffer.clear().limit((int) Math.max(n, 0));
        return n >= 0 ? (int) n : full(state, "recv");
    }

    /**
     * Sends up to {@code count} bytes of the file from {@code position}.
     *
     * @return how many it sent; 0 at the file's end; -1 when the socket is full
     * @throws SocketException when the connection failed
     */
    static long sendfile(int socket, int file, long position, long count) throws SocketException {
        int[] state = errno();
        long n;
        try {
            n = (long) Linked.SENDFILE.invokeExact(MemorySegment.ofArray(state), socket, file,
                    MemorySegment.ofArray(new long[] {position}), count);
        } catch (Throwable e) {
            throw new IllegalStateException("sendfile failed to run", e);
        }
        return n >= 0 ? n : full(state, "sendfile");
    }
}
