package io.httpd.plugin.accesslog;

import io.httpd.api.AccessLogSink.RecordsLost;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One log file, opened to append (created when missing), with a buffer of
 * {@value #BUFFER_BYTES} bytes in front of it.
 *
 * <p><b>Buffering.</b> Lines wait in the buffer until {@link #flush()}, until the buffer is
 * full, or until the oldest of them has waited the flush interval when the next line comes.
 * Flushing hands the bytes to the operating system; it does not force them to the disk.
 *
 * <p><b>Reopening.</b> {@link #reopen()} writes what is buffered to the file it has open, then
 * opens the path again. Always opened with APPEND, so both of logrotate's ways work:
 * {@code create} (the file was renamed: later lines go to a new file at the path) and
 * {@code copytruncate} (the file was truncated in place: later lines go to its new end, with no
 * hole before them).
 *
 * <p><b>Failures.</b> A failed write or open throws a {@link RecordsLost} naming the lines lost
 * (those buffered since the last successful write that did not reach the file whole, and the
 * line being appended when it was not buffered), discards them, and closes the file; the next {@link #append} opens the
 * path again, so the file recovers as soon as it is writable. Until a write succeeds again,
 * {@link #flush()} with nothing to write throws too. When the file does not end in a newline
 * on opening (a line cut short by a full disk or a crash), a newline is written first so that
 * the cut line cannot swallow the next one.
 *
 * <p><b>Threads.</b> One lock guards everything: the sink's thread appends and flushes, the
 * signal thread reopens, the main thread closes.
 */
final class LogFile {
    static final int BUFFER_BYTES = 64 * 1024;
    static final String EVENT_REOPEN = "accesslog.reopen";
    static final String EVENT_ROTATE = "accesslog.rotate";
    static final String EVENT_ROTATE_FAILED = "accesslog.rotate_failed";
    static final String EVENT_CUT_LINE = "accesslog.cut_line";

    /** After a rotation failed, lines go on to the live file and rotation waits this long. */
    static final long ROTATION_RETRY_MILLIS = 60_000;

    private static final System.Logger LOG = System.getLogger(LogFile.class.getName());

    private final Path path;
    private final Rotation rotation;
    private final long flushIntervalMillis;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);

    private AppendChannel channel;  // null after a failure, until the next append reopens
    private long rotateAt;          // epoch ms of the next rotation by day
    private long bufferedSince;     // epoch ms the oldest buffered line was appended
    private int bufferedLines;      // lines in the buffer, not yet written whole
    private long rotationHeldUntil; // epoch ms; no rotation before, after a failed one
    private IOException failure;    // the last failure, until a write succeeds again
    private boolean closed;

    private LogFile(LogFileSettings settings, Clock clock) {
        this.path = settings.path();
        this.rotation = new Rotation(settings.rotateSize(), settings.rotateDaily(),
                settings.keep(), clock.getZone());
        this.flushIntervalMillis = settings.flushInterval().toMillis();
        this.clock = clock;
    }

    /** Opens the file, creating it when missing. */
    static LogFile open(LogFileSettings settings, Clock clock) throws IOException {
        LogFile file = new LogFile(settings, clock);
        file.openChannel();
        return file;
    }

    Path path() {
        return path;
    }

    /** Appends one line, rotating first when due; reopens the path after a failure. */
    void append(byte[] line, int length) throws IOException {
        lock.lock();
        boolean taken = false; // the line is in the buffer or written
        try {
            if (closed) {
                throw new IOException("access log " + path + " is closed");
            }
            if (channel == null) {
                openChannel();
            }
            long now = clock.millis();
            if (now >= rotationHeldUntil && (dueByDay(now) || dueBySize(length))) {
                rotate(now);
            }
            buffer(line, length, now);
            taken = true;
            if (buffer.position() > 0 && waitedLongEnough(now)) {
                writeBuffer();
            }
        } catch (IOException e) {
            throw failed(e, taken ? 0 : 1);
        } finally {
            lock.unlock();
        }
    }

    /** Writes what is buffered to the file; once the file is closed, does nothing. */
    void flush() throws IOException {
        whileOpen(() -> {
            if (buffer.position() == 0) {
                if (failure != null) {
                    throw new RecordsLost(0, new IOException("cannot write " + path + ": "
                            + AppendChannel.reason(failure), failure));
                }
                return;
            }
            try {
                writeBuffer();
            } catch (IOException e) {
                throw failed(e, 0);
            }
        });
    }

    /** Writes what is buffered to the open file, then opens the path again (SIGHUP). */
    void reopen() throws IOException {
        whileOpen(() -> {
            RecordsLost unwritten = null;
            if (channel != null) {
                try {
                    writeBuffer();
                } catch (IOException e) {
                    unwritten = failed(e, 0);
                }
                closeChannel();
            }
            try {
                openChannel();
            } catch (IOException e) {
                throw failed(e, 0);
            }
            LOG.log(System.Logger.Level.INFO, EVENT_REOPEN + " path={0}", path);
            if (unwritten != null) {
                throw unwritten;
            }
        });
    }

    /** Writes what is buffered and closes the file; later calls do nothing or throw. */
    void close() throws IOException {
        whileOpen(() -> {
            closed = true;
            if (channel != null) {
                try {
                    writeBuffer();
                } finally {
                    closeChannel();
                }
            }
        });
    }

    /** Runs a step of flush, reopen or close holding the lock; once closed, does nothing. */
    private void whileOpen(FileStep step) throws IOException {
        lock.lock();
        try {
            if (!closed) {
                step.run();
            }
        } finally {
            lock.unlock();
        }
    }

    private interface FileStep {
        void run() throws IOException;
    }

    private void openChannel() throws IOException {
        AppendChannel opened = AppendChannel.open(path);
        try {
            long lastWrite = opened.size() > 0
                    ? Files.getLastModifiedTime(path).toMillis()
                    : clock.millis();
            rotateAt = rotation.dueAfter(lastWrite);
            channel = opened;
            if (opened.endCutLine()) {
                failure = null;
                LOG.log(System.Logger.Level.WARNING, EVENT_CUT_LINE + " path={0}", path);
            }
        } catch (IOException e) {
            channel = null;
            opened.close();
            throw e;
        }
    }

    /** The oldest buffered line has waited the flush interval (or the clock went back). */
    private boolean waitedLongEnough(long now) {
        return now - bufferedSince >= flushIntervalMillis || now < bufferedSince;
    }

    /** Rotation by day is due, unless the file is still empty: then it waits a day more. */
    private boolean dueByDay(long now) {
        if (now < rotateAt) {
            return false;
        }
        if (channel.size() + buffer.position() > 0) {
            return true;
        }
        rotateAt = rotation.dueAfter(now);
        return false;
    }

    /** Rotation by size is due: checks the real length first, which copytruncate may reset. */
    private boolean dueBySize(int incoming) throws IOException {
        if (!rotation.bySize(channel.size() + buffer.position(), incoming)) {
            return false;
        }
        return rotation.bySize(channel.refreshSize() + buffer.position(), incoming);
    }

    /**
     * Renames the live file away and opens a new one. When renaming fails (a directory where a
     * rotated file should go, say), lines go on to the live file and rotation is tried again
     * after {@value #ROTATION_RETRY_MILLIS} ms: a rotation problem never costs a line.
     */
    private void rotate(long now) throws IOException {
        writeBuffer();
        closeChannel();
        try {
            rotation.shift(path);
            LOG.log(System.Logger.Level.INFO, EVENT_ROTATE + " path={0}", path);
        } catch (IOException e) {
            rotationHeldUntil = now + ROTATION_RETRY_MILLIS;
            LOG.log(System.Logger.Level.WARNING, EVENT_ROTATE_FAILED + " path={0} reason={1}",
                    path, e.toString());
        }
        openChannel();
    }

    private void buffer(byte[] line, int length, long now) throws IOException {
        if (length > buffer.remaining()) {
            writeBuffer();
        }
        if (length > buffer.capacity()) {
            writeFully(ByteBuffer.wrap(line, 0, length));
            return;
        }
        if (buffer.position() == 0) {
            bufferedSince = now;
        }
        buffer.put(line, 0, length);
        bufferedLines++;
    }

    private void writeBuffer() throws IOException {
        if (buffer.position() == 0) {
            return;
        }
        buffer.flip();
        try {
            writeFully(buffer);
        } catch (IOException e) {
            bufferedLines -= AppendChannel.wholeLines(buffer); // those reached the file
            throw e;
        }
        buffer.clear();
        bufferedLines = 0;
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        channel.write(bytes);
        failure = null;
    }

    /**
     * Remembers a failure: what was buffered is lost and the file closed until reopened.
     *
     * @param notBuffered 1 when the line being appended is lost too, else 0
     */
    private RecordsLost failed(IOException e, int notBuffered) {
        failure = e;
        RecordsLost lost = new RecordsLost(bufferedLines + notBuffered, e);
        buffer.clear();
        bufferedLines = 0;
        closeChannel();
        return lost;
    }

    private void closeChannel() {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
