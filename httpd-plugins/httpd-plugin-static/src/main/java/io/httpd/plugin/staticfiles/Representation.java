package io.httpd.plugin.staticfiles;

import io.httpd.api.Headers;
import io.httpd.api.Response.Body;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The selected representation of a file (RFC 9110 §3.2): which bytes, of what type and
 * coding, with which validators, and the header fields that describe it.
 *
 * @param file         the file holding the bytes (the file itself or a sidecar)
 * @param content      its bytes when held in memory (of the same moment as the validators),
 *                     else null: read from {@code file} when sent
 * @param length       its length in bytes
 * @param contentType  the media type of the file the client asked for
 * @param coding       the content coding, {@code ""} for identity
 * @param varies       whether the choice depended on Accept-Encoding
 * @param etag         its strong entity tag
 * @param lastModified its Last-Modified time, whole seconds, never after the response's Date
 */
record Representation(Path file, byte[] content, long length, String contentType, String coding,
                      boolean varies, EntityTag etag, Instant lastModified) {

    /** The representation a choice of sidecar stands for, as at {@code now}. */
    static Representation of(Precompressed.Choice choice, String contentType, Instant now) {
        FileStat stat = choice.stat();
        Instant modified = Instant.EPOCH.plusNanos(stat.mtimeNanos());
        // §8.8.2.1: an origin server MUST NOT send a Last-Modified date later than its Date
        Instant lastModified = (modified.isAfter(now) ? now : modified)
                .truncatedTo(ChronoUnit.SECONDS);
        return new Representation(stat.real(), stat.content(), stat.size(), contentType,
                choice.coding(), choice.varies(),
                EntityTag.of(stat.size(), stat.mtimeNanos(), choice.coding()), lastModified);
    }

    /**
     * {@code length} bytes from {@code offset}: from memory when the content is held (the
     * server then writes them with the head), else a region of the file (sendfile).
     */
    Body body(long offset, long length) {
        if (content == null) {
            return new Body.FileRegion(file, offset, length);
        }
        if (offset == 0 && length == content.length) {
            return new Body.Bytes(content);
        }
        return new Body.Bytes(Arrays.copyOfRange(content, (int) offset, (int) (offset + length)));
    }

    /**
     * The fields of a 200 or 206 (§15.3.7: a 206 carries the fields a 200 would):
     * Content-Type, Content-Encoding, Accept-Ranges, ETag, Last-Modified, Vary and
     * Cache-Control, the optional ones only when they apply.
     *
     * @param type         the Content-Type to send (multipart/byteranges for several ranges)
     * @param cacheControl the route's Cache-Control, {@code ""} for none
     */
    Headers fields(String type, String cacheControl) {
        List<Headers.Field> fields = new ArrayList<>(7);
        fields.add(new Headers.Field("Content-Type", type));
        if (!coding.isEmpty()) {
            fields.add(new Headers.Field("Content-Encoding", coding));
        }
        fields.add(new Headers.Field("Accept-Ranges", "bytes"));
        fields.add(new Headers.Field("ETag", etag.toString()));
        fields.add(new Headers.Field("Last-Modified", HttpDate.format(lastModified)));
        addCacheFields(fields, cacheControl);
        return Headers.of(fields);
    }

    /**
     * The fields of a 304 (§15.4.5): those a 200 would carry among ETag, Vary and
     * Cache-Control (Date comes from the server). Last-Modified is left out: there is an ETag.
     */
    Headers notModifiedFields(String cacheControl) {
        List<Headers.Field> fields = new ArrayList<>(3);
        fields.add(new Headers.Field("ETag", etag.toString()));
        addCacheFields(fields, cacheControl);
        return Headers.of(fields);
    }

    private void addCacheFields(List<Headers.Field> fields, String cacheControl) {
        if (varies) {
            fields.add(new Headers.Field("Vary", "Accept-Encoding"));
        }
        if (!cacheControl.isEmpty()) {
            fields.add(new Headers.Field("Cache-Control", cacheControl));
        }
    }
}
