package io.httpd.core.http1;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each named violation is a rule of its own: an error status, its own reason, its RFC section. */
class ViolationTest {

    @ParameterizedTest
    @EnumSource(Violation.class)
    void citesTheSectionOfItsRule(Violation v) {
        assertTrue(v.rule.matches("RFC \\d{4} §\\d+(\\.\\d+)*"), v.rule);
    }

    @ParameterizedTest
    @EnumSource(Violation.class)
    void isAnsweredWithAnErrorStatus(Violation v) {
        int code = v.exception(1).status().code();
        assertTrue(code >= 400 && code < 600, v + ": " + code);
        assertFalse(v.status.reason().isEmpty(), v + ": a status the API names");
        assertEquals(v, v.exception().violation());
    }

    @ParameterizedTest
    @EnumSource(Violation.class)
    void hasAReasonNoOtherViolationGives(Violation v) {
        assertEquals(1, Arrays.stream(Violation.values())
                .filter(other -> other.reason.equals(v.reason)).count(), v.reason);
    }

    @ParameterizedTest
    @EnumSource(value = Violation.class, names = "TOO_MANY_FIELDS")
    void namesTheLimitItCrossed(Violation v) {
        assertEquals("more than 100 header fields", v.exception(100).getMessage());
    }
}
