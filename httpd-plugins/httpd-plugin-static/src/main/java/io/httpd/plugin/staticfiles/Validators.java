package io.httpd.plugin.staticfiles;

import io.httpd.api.Headers;
import io.httpd.api.HttpDate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The validators of one representation of a file (RFC 9110 §8.8) with their header fields,
 * formatted once per {@link FileStat} and coding rather than once per response.
 *
 * @param coding            the content coding, {@code ""} for identity
 * @param etag              the strong entity tag (§8.8.3)
 * @param modified          the modification time, as precise as the file system keeps it
 * @param lastModified      {@code modified} in whole seconds, as Last-Modified sends it
 * @param etagField         {@code ETag: etag}
 * @param lastModifiedField {@code Last-Modified: lastModified}
 */
record Validators(String coding, EntityTag etag, Instant modified, Instant lastModified,
                  Headers.Field etagField, Headers.Field lastModifiedField) {

    /** The validators of a file of this size and modification time, sent with a coding. */
    static Validators of(long size, long mtimeNanos, String coding) {
        EntityTag etag = EntityTag.of(size, mtimeNanos, coding);
        Instant modified = Instant.EPOCH.plusNanos(mtimeNanos);
        return new Validators(coding, etag, modified, modified, new Headers.Field("ETag",
                etag.toString()), null).withLastModified(modified);
    }

    /**
     * These validators in a response dated {@code now}. §8.8.2.1: an origin server MUST NOT
     * send a Last-Modified date later than its Date, so a file from the future is dated now.
     */
    Validators at(Instant now) {
        return modified.isAfter(now) ? withLastModified(now) : this;
    }

    private Validators withLastModified(Instant time) {
        Instant seconds = time.truncatedTo(ChronoUnit.SECONDS);
        return new Validators(coding, etag, modified, seconds, etagField,
                new Headers.Field("Last-Modified", HttpDate.format(seconds)));
    }
}
