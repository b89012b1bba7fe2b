package io.httpd.plugin.staticfiles;

import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.api.Request;
import io.httpd.api.Response;
import io.httpd.api.Response.Body;
import io.httpd.api.RouteHandler;
import io.httpd.api.Status;
import io.httpd.plugin.staticfiles.ByteRanges.ByteRange;
import io.httpd.plugin.staticfiles.ByteRanges.Partial;
import io.httpd.plugin.staticfiles.FileResolver.Found;
import io.httpd.plugin.staticfiles.FileResolver.Missing;
import io.httpd.plugin.staticfiles.FileResolver.Refused;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.InstantSource;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Serves the files under one root for GET and HEAD (the server answers other methods with 405
 * and Allow). For each request:
 *
 * <pre>
 * path below the route ─► FileResolver ─┬─ refused ─► 404, logged as static.refuse
 *                                       ├─ missing, hidden ─► 404
 *                                       ├─ directory ─► no "/": 301 to the slash form
 *                                       │               else index file, listing, or 404
 *                                       └─ file ─► Precompressed picks br, gzip or identity
 *     ─► Conditionals (RFC 9110 §13.2.2) ─► 304 / 412
 *     ─► ByteRanges (§14.2, GET only, If-Range) ─► 200 whole, 206 one part, 206 multipart, 416
 * </pre>
 *
 * <p>A whole file or a single range of a small file goes out as {@link Body.Bytes} from
 * memory, written with the head; of a larger file as a {@link Body.FileRegion}, so the server
 * can send it with sendfile. Safe for concurrent use; metadata and small files' content are
 * cached for at most {@code metadata_ttl}; {@link #reload()} forgets them at once.
 */
public final class StaticHandler implements RouteHandler {
    /** The event logged once per refused path, at INFO. */
    public static final String REFUSE_EVENT = "static.refuse";

    private static final String HTML = "text/html; charset=utf-8";

    private final StaticConfig config;
    private final MetadataCache cache;
    private final FileResolver resolver;
    private final Precompressed precompressed;
    private final Headers.Field cacheControl; // null for none
    private final InstantSource clock;
    private final System.Logger log;

    /** A handler for a route's checked config, on the system clocks. */
    StaticHandler(StaticConfig config) {
        this(config, InstantSource.system(), System::nanoTime,
                System.getLogger(StaticHandler.class.getPackageName()));
    }

    /**
     * @param clock    wall time, for Last-Modified and If-Range
     * @param nanoTime a monotonic clock, for the metadata TTL
     * @param log      where refusals go
     */
    StaticHandler(StaticConfig config, InstantSource clock, LongSupplier nanoTime,
                  System.Logger log) {
        this.config = config;
        this.cache = new MetadataCache(config.root(), config.metadataTtl(),
                config.memoryFileBytes(), config.memoryTotalBytes(), nanoTime);
        MediaTypes mediaTypes = new MediaTypes(config.mimeTypes());
        this.resolver = new FileResolver(config.root(), config.dotfiles(), cache,
                mediaTypes::field);
        this.precompressed = new Precompressed(config.precompressed(), resolver);
        this.cacheControl = config.cacheControl().isEmpty() ? null
                : new Headers.Field("Cache-Control", config.cacheControl());
        this.clock = clock;
        this.log = log;
    }

    /**
     * Answers from local files and the metadata it holds; a send larger than the socket takes
     * moves the connection off the poller's thread by itself.
     */
    @Override
    public boolean blocks() {
        return false;
    }

    @Override
    public Response handle(Request request) throws IOException {
        return handle(request, true);
    }

    /** @param recheck whether a file found changed on disk may be looked up once more */
    private Response handle(Request request, boolean recheck) throws IOException {
        String path = request.path();
        String route = request.route();
        if (!path.startsWith(route)) {
            return notFound();
        }
        return switch (resolver.lookup(path, route.length())) {
            case Refused refused -> refuse(request, refused.reason());
            case Missing _ -> notFound();
            case Found dir when dir.stat().isDirectory() -> directory(request, dir, recheck);
            case Found _ when path.endsWith("/") -> notFound(); // a file is not a folder
            case Found file -> file(request, file, recheck);
        };
    }

    /** Forgets cached metadata and content, so that the next requests see the disk as it is. */
    @Override
    public void reload() {
        cache.clear();
    }

    private Response directory(Request request, Found dir, boolean recheck) throws IOException {
        if (!request.path().endsWith("/")) {
            return redirectToSlash(request);
        }
        for (String name : config.index()) {
            if (resolver.child(dir.path(), name) instanceof Found index && index.stat().isFile()) {
                return file(request, index, recheck);
            }
        }
        return config.listing() ? listing(request, dir) : notFound();
    }

    /**
     * 301 to the path with a slash (and the query), so that relative links in the index page
     * resolve inside the directory. Runs of slashes collapse, so {@code //host} can never
     * become a protocol-relative Location (an open redirect).
     */
    static Response redirectToSlash(Request request) {
        String path = request.path().replaceAll("/{2,}", "/");
        String query = request.query();
        String location = PercentEncoding.path(path) + "/"
                + (query.isEmpty() || !isVisibleAscii(query) ? "" : "?" + query);
        return new Response(Status.MOVED_PERMANENTLY, Headers.of("Location", location),
                Body.EMPTY);
    }

    private Response listing(Request request, Found dir) throws IOException {
        List<DirectoryListing.Entry> entries = DirectoryListing.entries(dir.stat().real(),
                resolver);
        byte[] page = DirectoryListing.html(request.path(), entries,
                !dir.path().equals(resolver.root()));
        Headers fields = Headers.of("Content-Type", HTML);
        if (!config.cacheControl().isEmpty()) {
            fields = fields.with("Cache-Control", config.cacheControl());
        }
        return new Response(Status.OK, fields, new Body.Bytes(page));
    }

    private Response file(Request request, Found file, boolean recheck) throws IOException {
        Precompressed.Choice choice = precompressed.choose(request.headers(), file);
        if (recheck && !stillOnDisk(choice.stat())) {
            cache.forget(choice.path());
            cache.forget(file.path());
            return handle(request, false);
        }
        Representation representation = representation(choice, file.type());
        if (Conditionals.noneApply(request.headers())) {
            return representation.whole(); // most requests: nothing to evaluate
        }
        return switch (Conditionals.evaluate(request.method(), request.headers(),
                representation.etag(), representation.lastModified())) {
            case NOT_MODIFIED -> representation.notModified();
            case PRECONDITION_FAILED -> error(Status.PRECONDITION_FAILED);
            case PROCEED -> ranges(request, representation);
        };
    }

    /**
     * The representation kept with the file's metadata, or, for a file modified after the
     * response's Date (§8.8.2.1: Last-Modified is then dated now), one made for this response.
     */
    private Representation representation(Precompressed.Choice choice, Headers.Field type) {
        long mtime = choice.stat().mtimeNanos();
        if (Math.floorDiv(mtime, 1_000_000L) < clock.millis()) {
            return choice.stat().representation(choice, type, cacheControl);
        }
        return Representation.of(choice, type, cacheControl, clock.instant());
    }

    /**
     * Whether a file to be read from disk when sent is still what its cached metadata says: a
     * file removed meanwhile is a 404, not a 200 whose content never comes, and a file cut
     * short is served at its new length, not cut off mid-response. This check also vouches
     * for the version the file region names (the server may send it from a file it keeps
     * open). Content held in memory is one moment's snapshot and always consistent.
     */
    private static boolean stillOnDisk(FileStat stat) {
        if (stat.content() != null) {
            return true;
        }
        try {
            BasicFileAttributes now = Files.readAttributes(stat.real(), BasicFileAttributes.class);
            return now.isRegularFile() && stat.matches(now);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * §14.2: Range only on GET, only as one field line, only when If-Range (if any) holds.
     * Several ranges of an encoded representation are answered whole: a multipart body with
     * Content-Encoding would read as an encoded multipart body.
     */
    private Response ranges(Request request, Representation representation) {
        List<String> range = request.headers().all("Range");
        if (!request.method().equals(Method.GET) || range.size() != 1
                || !ifRange(request.headers(), representation)) {
            return representation.whole();
        }
        return switch (ByteRanges.select(range.getFirst(), representation.length())) {
            case ByteRanges.Whole _ -> representation.whole();
            case ByteRanges.Unsatisfiable _ -> unsatisfiable(representation);
            case Partial one when one.ranges().size() == 1 ->
                    single(representation, one.ranges().getFirst());
            case Partial _ when !representation.coding().isEmpty() -> representation.whole();
            case Partial many -> multipart(representation, many.ranges());
        };
    }

    private boolean ifRange(Headers headers, Representation representation) {
        List<String> values = headers.all("If-Range");
        if (values.isEmpty()) {
            return true;
        }
        return values.size() == 1 && Conditionals.ifRange(values.getFirst(),
                representation.etag(), representation.lastModified(), clock.instant());
    }

    private Response single(Representation representation, ByteRange range) {
        Headers fields = representation.fields(representation.contentType())
                .with("Content-Range", range.contentRange(representation.length()));
        return new Response(Status.PARTIAL_CONTENT, fields,
                representation.body(range.first(), range.length()));
    }

    private Response multipart(Representation representation, List<ByteRange> ranges) {
        MultipartByteRanges body = new MultipartByteRanges(representation.file(),
                representation.content(), representation.length(),
                representation.contentType().value(), ranges);
        return new Response(Status.PARTIAL_CONTENT,
                representation.fields(new Headers.Field("Content-Type", body.contentType())),
                new Body.Streamed(body.length(), body::writeTo));
    }

    /** §15.5.17: 416 with the current length in {@code Content-Range: bytes *}{@code /n}. */
    private static Response unsatisfiable(Representation representation) {
        return error(Status.RANGE_NOT_SATISFIABLE)
                .withHeader("Content-Range", "bytes */" + representation.length());
    }

    /** Logs the refusal once, then answers exactly as for a missing file. */
    private Response refuse(Request request, String reason) {
        log.log(System.Logger.Level.INFO, () -> REFUSE_EVENT + " reason=" + reason
                + " route=" + quoted(request.route()) + " path=" + quoted(request.path())
                + " remote=" + request.remote());
        return notFound();
    }

    private static Response notFound() {
        return error(Status.NOT_FOUND);
    }

    private static Response error(Status status) {
        return new Response(status, Headers.of("Content-Type", "text/plain; charset=utf-8"),
                new Body.Bytes((status + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** A path for a log line: quoted, with quotes, backslashes, controls and non-ASCII escaped. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static boolean isVisibleAscii(String text) {
        return text.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
