package io.httpd.plugin.info;

import io.httpd.testkit.FoundProviders;
import io.httpd.testkit.TestTable;
import io.httpd.api.ConfigException;
import io.httpd.api.Method;
import io.httpd.api.RouteHandler;
import io.httpd.api.RouteHandlerProvider;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InfoProviderTest {
    @Test
    void readsDetailAndAnswersGetAndHead() throws Exception {
        TestTable config = TestTable.of("route[0]");
        RouteHandler handler = new InfoProvider().create(config, FakeServer.hostile());
        assertEquals(Set.of("detail"), config.readKeys());
        assertEquals(Set.of(Method.GET, Method.HEAD), handler.methods());
    }

    @Test
    void detailOtherThanFullOrBasicIsAnErrorNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> new InfoProvider()
                .create(TestTable.of("route[0]", "detail", "minimal"), FakeServer.hostile()));
        assertEquals("route[0].detail", e.key());
        assertEquals("expected \"full\" or \"basic\", not \"minimal\"", e.reason());
    }

    @Test
    void serviceLoaderFindsInfoProvider() {
        FoundProviders.assertFinds(RouteHandlerProvider.class, new InfoProvider());
    }
}
