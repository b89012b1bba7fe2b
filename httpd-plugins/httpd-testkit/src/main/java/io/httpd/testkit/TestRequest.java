package io.httpd.testkit;

import io.httpd.api.Headers;
import io.httpd.api.Method;
import io.httpd.api.Request;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link Request} as the server would hand it to a handler: the path is the target's
 * path percent-decoded once, the query is kept encoded, the route defaults to the path (an
 * exact route), the client is 127.0.0.1:40000. Each call returns a new builder.
 *
 * <pre>{@code
 * Request r = TestRequest.get("/files/a%20b.txt?download=1").route("/files/")
 *         .header("Cookie", "session=abc").build();
 * r.remainingPath();   // "a b.txt"
 * }</pre>
 */
public final class TestRequest {
    private final Method method;
    private final String target;
    private final List<Headers.Field> fields = new ArrayList<>();
    private String route;
    private String version = "HTTP/1.1";
    private InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 40000);
    private byte[] body = new byte[0];

    private TestRequest(Method method, String target) {
        this.method = Objects.requireNonNull(method, "method");
        this.target = Objects.requireNonNull(target, "target");
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("the target must start with /: " + target);
        }
    }

    /** A request with this method and origin-form target ({@code /path?query}). */
    public static TestRequest of(Method method, String target) {
        return new TestRequest(method, target);
    }

    /** A GET request. */
    public static TestRequest get(String target) {
        return of(Method.GET, target);
    }

    /** A POST request; give it a body with {@link #body(String)}. */
    public static TestRequest post(String target) {
        return of(Method.POST, target);
    }

    /** Adds a header field (in order; a name may repeat). */
    public TestRequest header(String name, String value) {
        fields.add(new Headers.Field(name, value));
        return this;
    }

    /** The path of the route that matched, such as {@code /files/} for a prefix route. */
    public TestRequest route(String routePath) {
        this.route = Objects.requireNonNull(routePath, "routePath");
        return this;
    }

    /** The protocol version, {@code HTTP/1.1} unless set. */
    public TestRequest version(String protocol) {
        this.version = Objects.requireNonNull(protocol, "protocol");
        return this;
    }

    /** The client's address. */
    public TestRequest remote(InetSocketAddress address) {
        this.remote = Objects.requireNonNull(address, "address");
        return this;
    }

    /** The content, with a matching Content-Length field. */
    public TestRequest body(byte[] content) {
        this.body = content.clone();
        return this;
    }

    /** UTF-8 content, with a matching Content-Length field. */
    public TestRequest body(String content) {
        return body(content.getBytes(StandardCharsets.UTF_8));
    }

    /** A form body ({@code a=1&b=2}) with its Content-Type. */
    public TestRequest form(String encodedFields) {
        header("Content-Type", "application/x-www-form-urlencoded");
        return body(encodedFields);
    }

    /** The request; its body stream is new each time. */
    public Request build() {
        int q = target.indexOf('?');
        String path = Percent.decode(q < 0 ? target : target.substring(0, q));
        String query = q < 0 ? "" : target.substring(q + 1);
        List<Headers.Field> all = new ArrayList<>(fields);
        boolean hasLength = all.stream().anyMatch(f -> f.is("Content-Length")
                || f.is("Transfer-Encoding"));
        if (body.length > 0 && !hasLength) {
            all.add(new Headers.Field("Content-Length", Integer.toString(body.length)));
        }
        InputStream content = new ByteArrayInputStream(body);
        return new Request(method, target, path, query, version, Headers.of(all), remote,
                route == null ? path : route, content);
    }

    /** Percent-decoding of a path, once, as UTF-8 ({@code +} stays a plus in a path). */
    static final class Percent {
        private Percent() {
        }

        static String decode(String path) {
            byte[] in = path.getBytes(StandardCharsets.UTF_8);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length);
            for (int i = 0; i < in.length; i++) {
                if (in[i] == '%' && i + 2 < in.length && Character.digit(in[i + 1], 16) >= 0
                        && Character.digit(in[i + 2], 16) >= 0) {
                    out.write(Character.digit(in[i + 1], 16) << 4 | Character.digit(in[i + 2], 16));
                    i += 2;
                } else {
                    out.write(in[i]);
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
