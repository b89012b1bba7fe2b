package io.httpd.plugin.accesslog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a log file rotates and what becomes of the old ones. Rotated files are numbered like
 * logrotate's default: {@code access.log.1} is the newest, {@code access.log.<keep>} the
 * oldest; each rotation deletes the oldest, renames {@code .N} to {@code .N+1}, and the live
 * file to {@code .1}. Daily rotation uses the same names. Numbers above {@code keep} (left
 * from a larger {@code keep}) are not touched.
 *
 * @param maxBytes rotate before a line would take the file past this size; 0 for never
 * @param daily    rotate at the first line after local midnight
 * @param keep     how many rotated files to keep
 * @param zone     the zone whose midnight counts
 */
record Rotation(long maxBytes, boolean daily, int keep, ZoneId zone) {
    /** Whether a file of {@code size} bytes must rotate before taking {@code incoming} more. */
    boolean bySize(long size, long incoming) {
        return maxBytes > 0 && size > 0 && size + incoming > maxBytes;
    }

    /**
     * When a file last written at {@code lastWrite} (epoch ms) is due to rotate by day: the
     * next local midnight after it, or {@link Long#MAX_VALUE} when not rotating daily.
     */
    long dueAfter(long lastWrite) {
        if (!daily) {
            return Long.MAX_VALUE;
        }
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(lastWrite), zone);
        return day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** Shifts the rotated files by one and renames the live file to {@code .1}. */
    void shift(Path live) throws IOException {
        if (keep == 0) {
            Files.deleteIfExists(live);
            return;
        }
        Files.deleteIfExists(numbered(live, keep));
        for (int n = keep - 1; n >= 1; n--) {
            Path older = numbered(live, n);
            if (Files.exists(older, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(older, numbered(live, n + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(live, numbered(live, 1), StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@code access.log.3} for {@code access.log} and 3. */
    static Path numbered(Path live, int n) {
        return live.resolveSibling(live.getFileName() + "." + n);
    }
}
