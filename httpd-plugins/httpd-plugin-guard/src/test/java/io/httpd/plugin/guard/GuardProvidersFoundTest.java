package io.httpd.plugin.guard;

import io.httpd.testkit.FoundProviders;
import io.httpd.api.RequestValidatorProvider;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ServiceLoader finds the three validators through module-info's {@code provides}. */
class GuardProvidersFoundTest {
    @Test
    void accessRatelimitAndBasicAuth() {
        assertEquals(Set.of("access", "ratelimit", "basic-auth"),
                Set.copyOf(FoundProviders.ids(GuardProvidersFoundTest.class, "io.httpd.plugin.guard",
                        RequestValidatorProvider.class)));
    }
}
