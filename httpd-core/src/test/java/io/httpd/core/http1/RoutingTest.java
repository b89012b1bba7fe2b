package io.httpd.core.http1;

import io.httpd.api.Method;
import io.httpd.api.Response;
import io.httpd.api.RouteHandler;
import io.httpd.api.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Set;

import static io.httpd.core.http1.TestContext.CLOSE;
import static io.httpd.core.http1.TestContext.DATE_SERVER;
import static io.httpd.core.http1.TestContext.error;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Routing: an exact path wins, else the longest prefix route ("/" or ending in "/"), whatever
 * the order routes were given in; 404 for no route; 405 with Allow for a method the route does
 * not answer; OPTIONS answered with 204 and Allow, {@code OPTIONS *} with every method;
 * 501 for a method the server does not know.
 */
class RoutingTest {
    static RouteHandler named(String name) {
        return r -> Response.text(Status.OK, name + " " + r.route() + " " + r.path());
    }

    private final TestContext t = new TestContext(
            route("/static/", named("static")),
            route("/api/users", named("users")),
            route("/", named("root")),
            route("/static/deep/", named("deep")),
            route("/api/", named("api")),
            route("/form", named("form"), Set.of(Method.POST)),
            route("/opt", named("opt"), Set.of(Method.GET, Method.OPTIONS)));
    private final TestContext noRoot = new TestContext(route("/api/", named("api")));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/users         | users /api/users /api/users
            /api/users?x=1     | users /api/users /api/users
            /api/%75sers       | users /api/users /api/users
            /api/x/../users    | users /api/users /api/users
            /api/users/        | api /api/ /api/users/
            /api/users/1       | api /api/ /api/users/1
            /api/              | api /api/ /api/
            /api               | root / /api
            /static/deep/a/b   | deep /static/deep/ /static/deep/a/b
            /static/deep       | static /static/ /static/deep
            /static/x          | static /static/ /static/x
            /                  | root / /
            /other             | root / /other
            """)
    void exactThenLongestPrefix(String target, String body) throws Exception {
        assertEquals(text("HTTP/1.1 200 OK", "", body),
                Wire.MEMORY.exchange(t.ctx, "GET " + target + " HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void noRouteIs404AndKeepsTheConnection(Wire wire) throws Exception {
        assertEquals(error(404, "no route for this path", "") + text("HTTP/1.1 200 OK", "", "api /api/ /api/x"),
                wire.exchange(noRoot.ctx, "GET /apix HTTP/1.1\r\nHost: a\r\n\r\nGET /api/x HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void methodNotAllowedIs405WithAllow(Wire wire) throws Exception {
        assertEquals(methodNotAllowed("OPTIONS, POST") + methodNotAllowed("GET, HEAD, OPTIONS"),
                wire.exchange(t.ctx, "GET /form HTTP/1.1\r\nHost: a\r\n\r\nDELETE /api/users HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void optionsIs204WithAllow(Wire wire) throws Exception {
        assertEquals("HTTP/1.1 204 No Content\r\nAllow: GET, HEAD, OPTIONS\r\n" + DATE_SERVER + "\r\n"
                        + "HTTP/1.1 204 No Content\r\nAllow: OPTIONS, POST\r\n" + DATE_SERVER + "\r\n",
                wire.exchange(t.ctx, "OPTIONS /api/users HTTP/1.1\r\nHost: a\r\n\r\nOPTIONS /form HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void optionsGoesToAHandlerThatAnswersIt(Wire wire) throws Exception {
        assertEquals(text("HTTP/1.1 200 OK", "", "opt /opt /opt"),
                wire.exchange(t.ctx, "OPTIONS /opt HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void optionsAsteriskListsEveryMethod(Wire wire) throws Exception {
        assertEquals("HTTP/1.1 204 No Content\r\nAllow: GET, HEAD, OPTIONS, POST\r\n" + DATE_SERVER + "\r\n",
                wire.exchange(t.ctx, "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void unknownMethodIs501AndCloses(Wire wire) throws Exception {
        assertEquals(error(501, Violation.METHOD_NOT_IMPLEMENTED.reason, CLOSE),
                wire.exchange(t.ctx, "BREW /api/users HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    /** A 405 with the route's methods in Allow (RFC 9110 §15.5.6), and no content. */
    private static String methodNotAllowed(String allow) {
        return "HTTP/1.1 405 Method Not Allowed\r\nAllow: " + allow + "\r\n" + DATE_SERVER
                + "Content-Length: 0\r\n\r\n";
    }
}
