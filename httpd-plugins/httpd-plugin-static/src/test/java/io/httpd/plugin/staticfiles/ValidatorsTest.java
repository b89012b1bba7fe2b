package io.httpd.plugin.staticfiles;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Validators and their fields, formatted once per stat and coding, dated per response. */
class ValidatorsTest {
    private static final Instant MTIME = Instant.parse("2026-03-01T08:00:00.123456789Z");
    private static final long NANOS = TimeUnit.SECONDS.toNanos(MTIME.getEpochSecond())
            + MTIME.getNano();

    @Test
    void formatsTagAndDateOnce() {
        Validators gzip = Validators.of(1234, NANOS, "gzip");
        assertEquals(EntityTag.of(1234, NANOS, "gzip"), gzip.etag());
        assertEquals("ETag", gzip.etagField().name());
        assertEquals(gzip.etag().toString(), gzip.etagField().value());
        assertEquals(Instant.parse("2026-03-01T08:00:00Z"), gzip.lastModified());
        assertEquals("Sun, 01 Mar 2026 08:00:00 GMT", gzip.lastModifiedField().value());
    }

    /** RFC 9110 §8.8.2.1: never later than the response's Date. */
    @Test
    void aFileFromTheFutureIsDatedNowInEachResponse() {
        Validators v = Validators.of(1, NANOS, "");
        assertSame(v, v.at(MTIME), "not after now: as it is");
        Validators early = v.at(MTIME.minusSeconds(90).plusMillis(500));
        assertEquals("Sun, 01 Mar 2026 07:58:30 GMT", early.lastModifiedField().value());
        assertEquals(v.etagField(), early.etagField());
        assertEquals("Sun, 01 Mar 2026 08:00:00 GMT", v.lastModifiedField().value(), "unchanged");
    }

    @Test
    void aStatMakesThemOncePerCoding() {
        FileStat stat = new FileStat(null, FileStat.Kind.FILE, 10, NANOS, null, null);
        assertSame(stat.validators(""), stat.validators(""));
        assertSame(stat.validators("br"), stat.validators("br"));
        assertEquals("", stat.validators("").coding());
        assertEquals(EntityTag.of(10, NANOS, "br"), stat.validators("br").etag());
    }
}
