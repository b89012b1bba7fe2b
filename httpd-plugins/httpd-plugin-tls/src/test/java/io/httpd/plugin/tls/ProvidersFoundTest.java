package io.httpd.plugin.tls;

import io.httpd.api.TlsProviderProvider;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ServiceLoader finds both providers through module-info's {@code provides}. */
class ProvidersFoundTest {
    @Test
    void pemAndKeystore() {
        // the tests are patched into the module, which provides but does not use the service
        Module module = ProvidersFoundTest.class.getModule();
        assertEquals("io.httpd.plugin.tls", module.getName(), "tests run on the module path");
        module.addUses(TlsProviderProvider.class);
        assertEquals(Set.of("pem", "keystore"), ServiceLoader.load(TlsProviderProvider.class)
                .stream().map(p -> p.get().id()).collect(Collectors.toSet()));
    }
}
