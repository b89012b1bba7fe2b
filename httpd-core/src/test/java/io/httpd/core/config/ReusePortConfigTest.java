package io.httpd.core.config;

import io.httpd.api.ConfigException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code [[listen]] reuse_port}: off by default, and refused where SO_REUSEPORT is missing. */
class ReusePortConfigTest {
    @Test
    void offByDefaultAndOnWhenAskedWhereSupported() {
        assertFalse(Listener.reusePort(table(Map.of()), () -> false));
        assertTrue(Listener.reusePort(table(Map.of("reuse_port", true)), () -> true));
    }

    @Test
    void refusedWhereTheSystemLacksSoReuseport() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Listener.reusePort(table(Map.of("reuse_port", true)), () -> false));
        assertEquals("listen[0].reuse_port", e.key());
        assertTrue(e.reason().startsWith("SO_REUSEPORT is not supported on this system ("),
                e.reason());
    }

    private static TableConfig table(Map<String, ?> values) {
        return TableConfig.of("listen[0]", values, Path.of("."));
    }
}
