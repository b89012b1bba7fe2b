package io.httpd.plugin.echo;

import io.httpd.api.Method;
import io.httpd.api.PluginConfig;
import io.httpd.api.RouteHandler;
import io.httpd.api.RouteHandlerProvider;
import io.httpd.api.ServerView;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class EchoProviderTest {
    @Test
    void serviceLoaderFindsEchoProvider() {
        // The test is patched into io.httpd.plugin.echo, which provides but does not use the
        // service; the module may grant itself the use at run time.
        Module module = EchoProviderTest.class.getModule();
        assertEquals("io.httpd.plugin.echo", module.getName(), "tests run on the module path");
        module.addUses(RouteHandlerProvider.class);
        List<String> ids = ServiceLoader.load(RouteHandlerProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .map(RouteHandlerProvider::id)
                .toList();
        assertEquals(List.of("echo"), ids);
    }

    @Test
    void createReadsNoConfigAndReturnsEchoHandler() throws Exception {
        RouteHandler handler = new EchoProvider().create(untouchable(PluginConfig.class),
                untouchable(ServerView.class));
        assertInstanceOf(EchoHandler.class, handler);
    }

    @Test
    void answersGetHeadPostAndPut() {
        assertEquals(List.of(Method.GET, Method.HEAD, Method.POST, Method.PUT),
                List.copyOf(new EchoHandler().methods()));
    }

    /** An implementation that fails the test on any call. */
    private static <T> T untouchable(Class<T> type) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    throw new AssertionError(type.getSimpleName() + "." + method.getName()
                            + " called");
                });
        return type.cast(proxy);
    }
}
