package io.httpd.core.http1;

import io.httpd.api.RequestValidator;
import io.httpd.api.RequestValidator.Verdict;
import io.httpd.api.Response;
import io.httpd.api.Status;
import io.httpd.core.config.Limits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

import static io.httpd.core.http1.TestContext.CLOSE;
import static io.httpd.core.http1.TestContext.error;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Request validators: run in order after the core's checks and before routing; the first
 * rejection answers with its status and reason and keeps the connection; a throwing validator
 * is a 500 that closes it.
 */
class ValidatorTest {
    static final String NEXT = "GET /ok HTTP/1.1\r\nHost: a\r\n\r\n";
    static final String OK = text("HTTP/1.1 200 OK", "", "ok");

    private final LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
    private final Http1Context ctx = new Http1Context(Limits.defaults(), TestContext.SERVER_NAME,
            new RouteTable(List.of(route("/ok", r -> Response.text(Status.OK, "ok")))),
            List.of(validator("first", r -> r.path().startsWith("/private")
                            ? Verdict.reject(Status.FORBIDDEN, "private") : Verdict.ACCEPT),
                    validator("second", r -> {
                        if (r.path().equals("/explode")) {
                            throw new IllegalStateException("validator bug");
                        }
                        return r.path().startsWith("/priv") ? Verdict.reject(Status.NOT_FOUND, "second")
                                : Verdict.ACCEPT;
                    })),
            r -> { }, new Counters());

    private Http1Context.Validator validator(String id, RequestValidator v) {
        return new Http1Context.Validator(id, r -> {
            seen.add(id + " " + r.method() + " " + r.path() + " route=" + r.route());
            return v.validate(r);
        });
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void theFirstRejectionAnswersAndTheConnectionGoesOn(Wire wire) throws Exception {
        assertEquals(error(403, "private", "") + error(404, "second", "") + OK,
                wire.exchange(ctx, "GET /private/x HTTP/1.1\r\nHost: a\r\n\r\n"
                        + "GET /privy HTTP/1.1\r\nHost: a\r\n\r\n" + NEXT));
        assertEquals(List.of("first GET /private/x route=", "first GET /privy route=", "second GET /privy route=",
                "first GET /ok route=", "second GET /ok route="), List.copyOf(seen));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aThrowingValidatorIs500AndCloses(Wire wire) throws Exception {
        assertEquals(error(500, "the handler failed", CLOSE),
                wire.exchange(ctx, "GET /explode HTTP/1.1\r\nHost: a\r\n\r\n" + NEXT));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aHeadRefusedByTheCoreNeverReachesAValidator(Wire wire) throws Exception {
        assertEquals(error(400, "missing Host header", CLOSE), wire.exchange(ctx, "GET /ok HTTP/1.1\r\n\r\n"));
        assertEquals(List.of(), List.copyOf(seen));
    }
}
