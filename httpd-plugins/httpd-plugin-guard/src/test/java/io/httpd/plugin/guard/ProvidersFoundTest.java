package io.httpd.plugin.guard;

import io.httpd.api.RequestValidatorProvider;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ServiceLoader finds the three validators through module-info's {@code provides}. */
class ProvidersFoundTest {
    @Test
    void accessRatelimitAndBasicAuth() {
        // the tests are patched into the module, which provides but does not use the service
        Module module = ProvidersFoundTest.class.getModule();
        assertEquals("io.httpd.plugin.guard", module.getName(), "tests run on the module path");
        module.addUses(RequestValidatorProvider.class);
        assertEquals(Set.of("access", "ratelimit", "basic-auth"),
                ServiceLoader.load(RequestValidatorProvider.class).stream()
                        .map(p -> p.get().id()).collect(Collectors.toSet()));
    }
}
