package io.httpd.plugin.tls;

import io.httpd.testkit.FoundProviders;
import io.httpd.api.TlsProviderProvider;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ServiceLoader finds both providers through module-info's {@code provides}. */
class TlsProvidersFoundTest {
    @Test
    void pemAndKeystore() {
        assertEquals(Set.of("pem", "keystore"),
                Set.copyOf(FoundProviders.ids(TlsProvidersFoundTest.class, "io.httpd.plugin.tls",
                        TlsProviderProvider.class)));
    }
}
