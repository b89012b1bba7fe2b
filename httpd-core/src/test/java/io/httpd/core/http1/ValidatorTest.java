package io.httpd.core.http1;

import io.httpd.api.AccessRecord;
import io.httpd.api.RequestValidator;
import io.httpd.api.RequestValidator.Verdict;
import io.httpd.api.Response;
import io.httpd.api.Status;
import io.httpd.core.config.Limits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.httpd.core.http1.TestContext.CLOSE;
import static io.httpd.core.http1.TestContext.error;
import static io.httpd.core.http1.TestContext.route;
import static io.httpd.core.http1.TestContext.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Request validators: run in order after the core's checks and before routing; the first
 * rejection answers with its status and reason and keeps the connection; a throwing validator
 * (or one returning null) is a 500 that closes it, logged once with the validator's id. Either
 * way each exchange is one access record with the status sent.
 */
class ValidatorTest {
    static final String NEXT = "GET /ok HTTP/1.1\r\nHost: a\r\n\r\n";
    static final String OK = text("HTTP/1.1 200 OK", "", "ok");

    private final LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<AccessRecord> records = new LinkedBlockingQueue<>();
    private final Http1Context ctx = new Http1Context(Limits.defaults(), TestContext.SERVER_NAME,
            new RouteTable(List.of(route("/ok", r -> Response.text(Status.OK, "ok")))),
            List.of(validator("first", r -> r.path().startsWith("/private")
                            ? Verdict.reject(Status.FORBIDDEN, "private") : Verdict.ACCEPT),
                    validator("second", r -> {
                        if (r.path().equals("/explode")) {
                            throw new IllegalStateException("validator bug");
                        }
                        if (r.path().equals("/null")) {
                            return null;
                        }
                        return r.path().startsWith("/priv") ? Verdict.reject(Status.NOT_FOUND, "second")
                                : Verdict.ACCEPT;
                    })),
            records::add, new TrafficCounters(), "");

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
    void eachRejectionIsOneAccessRecordWithItsStatusAndTheValidatorsId(Wire wire)
            throws Exception {
        wire.exchange(ctx, "GET /private/x HTTP/1.1\r\nHost: a\r\n\r\n"
                + "GET /privy?q HTTP/1.1\r\nHost: a\r\n\r\n" + NEXT);
        assertEquals(List.of("GET /private/x 403 validator=first",
                "GET /privy?q 404 validator=second", "GET /ok 200"), records(3));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aThrowingValidatorIs500AndClosesAndIsLoggedOnce(Wire wire) throws Exception {
        assertEquals(List.of("ERROR handler.error validator=second remote="), failsWith500(wire, "/explode")
                .stream().map(e -> e.substring(0, e.indexOf("remote=") + 7)).toList());
    }

    /** A null verdict is a validator bug, as a null response is a handler's: never an accept. */
    @ParameterizedTest
    @EnumSource(Wire.class)
    void aValidatorReturningNullIs500(Wire wire) throws Exception {
        List<String> events = failsWith500(wire, "/null");
        assertEquals(1, events.size(), events.toString());
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aHeadRefusedByTheCoreNeverReachesAValidator(Wire wire) throws Exception {
        assertEquals(error(400, Violation.HOST_MISSING.reason, CLOSE), wire.exchange(ctx, "GET /ok HTTP/1.1\r\n\r\n"));
        assertEquals(List.of(), List.copyOf(seen));
        assertEquals(List.of("GET /ok 400"), records(1), "no validator named");
    }

    /**
     * Sends a request for {@code path}, then one more: the validator "second" fails on it, so
     * the answer is a 500 that closes (the next request is not read) and one access record
     * names the validator. Returns the events logged meanwhile.
     */
    private List<String> failsWith500(Wire wire, String path) throws Exception {
        try (LogCapture log = LogCapture.of(Exchange.class)) {
            assertEquals(error(500, "the validator failed", CLOSE),
                    wire.exchange(ctx, "GET " + path + " HTTP/1.1\r\nHost: a\r\n\r\n" + NEXT));
            assertEquals(List.of("GET " + path + " 500 validator=second"), records(1));
            return log.events();
        }
    }

    /**
     * The next count records as "method target status", with " validator=ID" when one refused,
     * then checks no other one follows.
     */
    private List<String> records(int count) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AccessRecord r = records.poll(5, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("only " + out + " within 5 s");
            }
            out.add(r.method() + " " + r.target() + " " + r.status()
                    + (r.validator() == null ? "" : " validator=" + r.validator()));
        }
        assertEquals(List.of(), List.copyOf(records), "records after " + out);
        return out;
    }
}
