package io.httpd.plugin.info;

import io.httpd.api.ConfigException;
import io.httpd.api.Method;
import io.httpd.api.RouteHandler;
import io.httpd.api.RouteHandlerProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InfoProviderTest {
    @Test
    void serviceLoaderFindsInfoProvider() {
        Module module = InfoProviderTest.class.getModule();
        assertEquals("io.httpd.plugin.info", module.getName(), "tests run on the module path");
        module.addUses(RouteHandlerProvider.class);
        List<String> ids = ServiceLoader.load(RouteHandlerProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .map(RouteHandlerProvider::id)
                .toList();
        assertEquals(List.of("info"), ids);
    }

    @Test
    void readsDetailAndAnswersGetAndHead() throws Exception {
        MapConfig config = new MapConfig(Map.of());
        RouteHandler handler = new InfoProvider().create(config, FakeServer.hostile());
        assertEquals(Set.of("detail"), config.read);
        assertEquals(Set.of(Method.GET, Method.HEAD), handler.methods());
    }

    @Test
    void detailOtherThanFullOrBasicIsAnErrorNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> new InfoProvider()
                .create(new MapConfig(Map.of("detail", "minimal")), FakeServer.hostile()));
        assertEquals("route[0].detail", e.key());
        assertEquals("expected \"full\" or \"basic\", not \"minimal\"", e.reason());
    }
}
