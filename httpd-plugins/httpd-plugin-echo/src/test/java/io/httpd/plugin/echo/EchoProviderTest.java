package io.httpd.plugin.echo;

import io.httpd.testkit.Untouchable;
import io.httpd.testkit.FoundProviders;
import io.httpd.api.Method;
import io.httpd.api.PluginConfig;
import io.httpd.api.RouteHandler;
import io.httpd.api.RouteHandlerProvider;
import io.httpd.api.ServerView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class EchoProviderTest {
    @Test
    void createReadsNoConfigAndReturnsEchoHandler() throws Exception {
        RouteHandler handler = new EchoProvider().create(Untouchable.of(PluginConfig.class),
                Untouchable.of(ServerView.class));
        assertInstanceOf(EchoHandler.class, handler);
    }

    @Test
    void answersGetHeadPostAndPut() {
        assertEquals(List.of(Method.GET, Method.HEAD, Method.POST, Method.PUT),
                List.copyOf(new EchoHandler().methods()));
    }

    @Test
    void serviceLoaderFindsEchoProvider() {
        FoundProviders.assertFinds(RouteHandlerProvider.class, new EchoProvider());
    }
}
