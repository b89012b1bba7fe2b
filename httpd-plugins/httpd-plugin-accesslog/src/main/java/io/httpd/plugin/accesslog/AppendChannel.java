package io.httpd.plugin.accesslog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file under a {@link LogFile}: opened with APPEND (created when missing), so that every
 * write lands at the file's current end whatever renamed or truncated it, and its length as far
 * as this process knows. Not thread-safe: the log file's lock guards it.
 */
final class AppendChannel {
    private final Path path;
    private final FileChannel channel;
    private long size;

    private AppendChannel(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    /** Opens the path to append, creating the file when missing. */
    static AppendChannel open(Path path) throws IOException {
        FileChannel opened = FileChannel.open(path, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        try {
            return new AppendChannel(path, opened, opened.size());
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /** The length: what the file had on opening plus what this channel wrote. */
    long size() {
        return size;
    }

    /** The file's real length, which another process (copytruncate) may have reset. */
    long refreshSize() throws IOException {
        size = channel.size();
        return size;
    }

    /** Writes every byte. */
    void write(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            size += channel.write(bytes);
        }
    }

    /**
     * Ends a line cut short (by a full disk or a crash) with a newline, so that it cannot
     * swallow the next one.
     *
     * @return whether the file did not end in a newline and got one
     */
    boolean endCutLine() throws IOException {
        if (size == 0) {
            return false;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        try (FileChannel reader = FileChannel.open(path, StandardOpenOption.READ)) {
            if (reader.read(last, size - 1) != 1 || last.get(0) == '\n') {
                return false;
            }
        }
        write(ByteBuffer.wrap(new byte[] {'\n'}));
        return true;
    }

    /** A failure's reason for a person: {@code Is a directory}, {@code No space left on device}. */
    static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException _ -> "no such file or directory";
            case AccessDeniedException _ -> "permission denied";
            case FileSystemException f when f.getReason() != null -> f.getReason();
            default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
    }

    /** The whole lines among the bytes before the buffer's position (those written, say). */
    static int wholeLines(ByteBuffer bytes) {
        int lines = 0;
        for (int i = 0; i < bytes.position(); i++) {
            lines += bytes.get(i) == '\n' ? 1 : 0;
        }
        return lines;
    }

    /** Closes the file; a failure to close loses nothing more, so it is not reported. */
    void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing more can be lost: the next open starts afresh.
        }
    }
}
