package io.httpd.plugin.staticfiles;

import io.httpd.api.Headers;
import io.httpd.api.Response;
import io.httpd.api.Response.Body;
import io.httpd.api.Status;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The selected representation of a file (RFC 9110 §3.2): which bytes, of what type and
 * coding, with which validators, and the header fields that describe it. Immutable; its 200
 * and 304 responses are made once, so that a representation kept with its {@link FileStat}
 * answers a plain GET without building anything ({@link FileStat#representation}).
 */
final class Representation {
    private static final Headers.Field ACCEPT_RANGES = new Headers.Field("Accept-Ranges", "bytes");
    private static final Headers.Field VARY = new Headers.Field("Vary", "Accept-Encoding");
    private static final Headers.Field BR = new Headers.Field("Content-Encoding", "br");
    private static final Headers.Field GZIP = new Headers.Field("Content-Encoding", "gzip");

    private final Path file;
    private final Body.FileRegion.Version version;
    private final byte[] content;
    private final long length;
    private final Headers.Field contentType;
    private final boolean varies;
    private final Validators validators;
    private final Headers.Field cacheControl;
    private final Response whole;
    private final Response notModified;

    /**
     * @param file         the file holding the bytes (the file itself or a sidecar)
     * @param version      the version of {@code file} its stat saw, or null (see
     *                     {@link Body.FileRegion#version})
     * @param content      its bytes when held in memory (of the same moment as the
     *                     validators), else null: read from {@code file} when sent
     * @param length       its length in bytes
     * @param contentType  {@code Content-Type:} the media type of the file the client asked for
     * @param varies       whether the choice depended on Accept-Encoding
     * @param validators   its entity tag and Last-Modified (never after the response's Date),
     *                     and its content coding
     * @param cacheControl the route's Cache-Control field, null for none
     */
    Representation(Path file, Body.FileRegion.Version version, byte[] content, long length,
                   Headers.Field contentType, boolean varies, Validators validators,
                   Headers.Field cacheControl) {
        this.file = file;
        this.version = version;
        this.content = content;
        this.length = length;
        this.contentType = contentType;
        this.varies = varies;
        this.validators = validators;
        this.cacheControl = cacheControl;
        this.whole = new Response(Status.OK, fields(contentType), body(0, length));
        this.notModified = new Response(Status.NOT_MODIFIED, notModifiedFields(), Body.EMPTY);
    }

    /** The representation a choice of sidecar stands for, in a response dated {@code now}. */
    static Representation of(Precompressed.Choice choice, Headers.Field contentType,
                             Headers.Field cacheControl, Instant now) {
        FileStat stat = choice.stat();
        return new Representation(stat.real(), stat.version(), stat.content(), stat.size(),
                contentType, choice.varies(), stat.validators(choice.coding()).at(now),
                cacheControl);
    }

    Path file() {
        return file;
    }

    byte[] content() {
        return content;
    }

    long length() {
        return length;
    }

    Headers.Field contentType() {
        return contentType;
    }

    boolean varies() {
        return varies;
    }

    Headers.Field cacheControl() {
        return cacheControl;
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

    /** 200 with the whole content and {@link #fields}. */
    Response whole() {
        return whole;
    }

    /**
     * 304 (§15.4.5) with those fields a 200 would carry among ETag, Vary and Cache-Control
     * (Date comes from the server). Last-Modified is left out: there is an ETag.
     */
    Response notModified() {
        return notModified;
    }

    /**
     * {@code length} bytes from {@code offset}: from memory when the content is held (the
     * server then writes them with the head), else a region of the file (sendfile).
     */
    Body body(long offset, long length) {
        if (content == null) {
            return new Body.FileRegion(file, offset, length, version);
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
     * @param type the Content-Type to send (multipart/byteranges for several ranges)
     */
    Headers fields(Headers.Field type) {
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
        addCacheFields(fields);
        return Headers.of(fields);
    }

    private Headers notModifiedFields() {
        List<Headers.Field> fields = new ArrayList<>(3);
        fields.add(validators.etagField());
        addCacheFields(fields);
        return Headers.of(fields);
    }

    private void addCacheFields(List<Headers.Field> fields) {
        if (varies) {
            fields.add(VARY);
        }
        if (cacheControl != null) {
            fields.add(cacheControl);
        }
    }
}
