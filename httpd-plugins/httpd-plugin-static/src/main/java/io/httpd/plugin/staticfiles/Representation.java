package io.httpd.plugin.staticfiles;

import io.httpd.api.Headers;
import io.httpd.api.Response.Body;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The selected representation of a file (RFC 9110 §3.2): which bytes, of what type and
 * coding, with which validators, and the header fields that describe it.
 *
 * @param file        the file holding the bytes (the file itself or a sidecar)
 * @param content     its bytes when held in memory (of the same moment as the validators),
 *                    else null: read from {@code file} when sent
 * @param length      its length in bytes
 * @param contentType {@code Content-Type:} the media type of the file the client asked for
 * @param varies      whether the choice depended on Accept-Encoding
 * @param validators  its entity tag and Last-Modified (never after the response's Date), and
 *                    its content coding
 */
record Representation(Path file, byte[] content, long length, Headers.Field contentType,
                      boolean varies, Validators validators) {
    private static final Headers.Field ACCEPT_RANGES = new Headers.Field("Accept-Ranges", "bytes");
    private static final Headers.Field VARY = new Headers.Field("Vary", "Accept-Encoding");
    private static final Headers.Field BR = new Headers.Field("Content-Encoding", "br");
    private static final Headers.Field GZIP = new Headers.Field("Content-Encoding", "gzip");

    /** The representation a choice of sidecar stands for, in a response dated {@code now}. */
    static Representation of(Precompressed.Choice choice, Headers.Field contentType,
                             Instant now) {
        FileStat stat = choice.stat();
        return new Representation(stat.real(), stat.content(), stat.size(), contentType,
                choice.varies(), stat.validators(choice.coding()).at(now));
    }

    /** The content coding, {@code ""} for identity. */
    String coding() {
        return validators.coding();
    }

    /** The strong entity tag. */
    EntityTag etag() {
        return validators.etag();
    }

    /** The Last-Modified time, whole seconds, never after the response's Date. */
    Instant lastModified() {
        return validators.lastModified();
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
     * @param cacheControl the route's Cache-Control field, null for none
     */
    Headers fields(Headers.Field type, Headers.Field cacheControl) {
        List<Headers.Field> fields = new ArrayList<>(7);
        fields.add(type);
        if (!coding().isEmpty()) {
            fields.add(switch (coding()) {
                case "br" -> BR;
                case "gzip" -> GZIP;
                default -> new Headers.Field("Content-Encoding", coding());
            });
        }
        fields.add(ACCEPT_RANGES);
        fields.add(validators.etagField());
        fields.add(validators.lastModifiedField());
        addCacheFields(fields, cacheControl);
        return Headers.of(fields);
    }

    /**
     * The fields of a 304 (§15.4.5): those a 200 would carry among ETag, Vary and
     * Cache-Control (Date comes from the server). Last-Modified is left out: there is an ETag.
     */
    Headers notModifiedFields(Headers.Field cacheControl) {
        List<Headers.Field> fields = new ArrayList<>(3);
        fields.add(validators.etagField());
        addCacheFields(fields, cacheControl);
        return Headers.of(fields);
    }

    private void addCacheFields(List<Headers.Field> fields, Headers.Field cacheControl) {
        if (varies) {
            fields.add(VARY);
        }
        if (cacheControl != null) {
            fields.add(cacheControl);
        }
    }
}
