package io.httpd.testkit;

import io.httpd.api.RouteHandlerProvider;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The test kit's own module provides no plugin: what a module without its provides line sees. */
class FoundProvidersTest {
    @Test
    void aProviderThatServiceLoaderDoesNotFindFailsNamingWhatItFound() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> FoundProviders.assertFinds(RouteHandlerProvider.class, new KnobsProvider()));
        assertEquals("ServiceLoader finds [] for RouteHandlerProvider, not "
                + "[io.httpd.testkit.KnobsProvider knobs]", e.getMessage());
    }

    @Test
    void idsAreEmptyForAModuleThatProvidesNone() {
        assertEquals(List.of(), FoundProviders.ids(FoundProvidersTest.class, "io.httpd.testkit",
                RouteHandlerProvider.class));
    }
}
