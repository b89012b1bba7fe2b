package io.httpd.core.http1;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.channels.SocketChannel;

/**
 * {@code send(2)} with {@code MSG_MORE}: the kernel keeps the bytes (a response's head) until
 * the next send on the socket (sendfile of the file, whose last piece pushes), so that the head
 * leaves in the file's first packet rather than in one of its own. nginx gets the same from
 * {@code TCP_CORK} (tcp_nopush) with two more system calls. On a 64 KiB file that packet is
 * about a tenth of the response's CPU.
 *
 * <p>The JDK has neither the flag nor {@code TCP_CORK}, so this takes the socket's descriptor
 * from {@code sun.nio.ch} (exported to this module by {@code bin/httpd}) and calls {@code send}
 * through the FFM API ({@code --enable-native-access}). Without either option, or off Linux,
 * {@link #AVAILABLE} is false and heads go out through the channel as before. The call holds a
 * heap array ({@link Linker.Option#critical}): a non-blocking send with {@code MSG_MORE} only
 * copies into the socket's queue.
 *
 * <p>A descriptor is a number the kernel gives to the next socket as soon as it is closed: the
 * caller must hold off every close of the channel while it sends, and check that it is still
 * open first ({@link PolledTransport}).
 */
final class MoreToCome {
    private static final int MSG_DONTWAIT = 0x40;  // Linux's values, on every architecture
    private static final int MSG_NOSIGNAL = 0x4000;
    private static final int MSG_MORE = 0x8000;

    /** Whether {@link #send} can be used: the options are given and this is Linux. */
    static final boolean AVAILABLE;
    private static final MethodHandle FD;   // (SocketChannel) int: sun.nio.ch.SelChImpl.getFDVal
    private static final MethodHandle SEND; // (int, MemorySegment, long, int) long

    static {
        MethodHandle fd = null;
        MethodHandle send = null;
        if (System.getProperty("os.name", "").equals("Linux")
                && MoreToCome.class.getModule().isNativeAccessEnabled()) {
            try {
                Class<?> selCh = Class.forName("sun.nio.ch.SelChImpl");
                // only where java.base exports sun.nio.ch to this module
                if (Object.class.getModule().isExported("sun.nio.ch", MoreToCome.class.getModule())) {
                    fd = MethodHandles.lookup()
                            .findVirtual(selCh, "getFDVal", MethodType.methodType(int.class))
                            .asType(MethodType.methodType(int.class, SocketChannel.class));
                    Linker linker = Linker.nativeLinker();
                    send = linker.downcallHandle(
                            linker.defaultLookup().findOrThrow("send"),
                            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                                    ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                                    ValueLayout.JAVA_INT),
                            Linker.Option.critical(true));
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                fd = null;
                send = null;
            }
        }
        FD = fd;
        SEND = send;
        AVAILABLE = send != null;
    }

    private MoreToCome() {
    }

    /** The channel's descriptor; only when {@link #AVAILABLE}. */
    static int descriptor(SocketChannel channel) {
        try {
            return (int) FD.invokeExact(channel);
        } catch (Throwable e) {
            throw new IllegalStateException("no descriptor for " + channel, e);
        }
    }

    /**
     * Queues {@code len} bytes of {@code b} from {@code off} on the socket without sending them
     * yet; never waits. Only when {@link #AVAILABLE}, with every close held off.
     *
     * @return how many it queued: all, fewer (the queue was full), or 0 on any failure (the
     *         caller writes the rest through the channel, which meets the failure itself)
     */
    static int send(int fd, byte[] b, int off, int len) {
        long n;
        try {
            n = (long) SEND.invokeExact(fd, MemorySegment.ofArray(b).asSlice(off, len),
                    (long) len, MSG_MORE | MSG_DONTWAIT | MSG_NOSIGNAL);
        } catch (Throwable e) {
            throw new IllegalStateException("send failed to run", e);
        }
        return n < 0 ? 0 : (int) n;
    }
}
