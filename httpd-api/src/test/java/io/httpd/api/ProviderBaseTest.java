package io.httpd.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A provider made of an id and a factory, for each of the four kinds: what Base promises. */
class ProviderBaseTest {
    /** A kind's Base, made from an id and a factory. */
    @FunctionalInterface
    interface Kind extends BiFunction<String, PluginFactory<PluginInstance>,
            PluginProvider<? extends PluginInstance>> {
    }

    static List<Kind> kinds() {
        return List.of((id, f) -> new RouteHandlerProvider.Base(id, as(f)) { },
                (id, f) -> new RequestValidatorProvider.Base(id, as(f)) { },
                (id, f) -> new AccessLogSinkProvider.Base(id, as(f)) { },
                (id, f) -> new TlsProviderProvider.Base(id, as(f)) { });
    }

    /** The instance each kind's factory returns: one object that is all four services. */
    interface AnyInstance extends RouteHandler, RequestValidator, AccessLogSink, TlsProvider {
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theIdIsTheOneGivenAndCreateHandsItsArgumentsToTheFactory(Kind kind) throws Exception {
        PluginConfig config = untouchable(PluginConfig.class);
        ServerView server = untouchable(ServerView.class);
        AnyInstance made = untouchable(AnyInstance.class);
        AtomicReference<Object[]> seen = new AtomicReference<>();
        PluginProvider<?> provider = kind.apply("greeting", (c, s) -> {
            seen.set(new Object[] {c, s});
            return made;
        });
        assertEquals("greeting", provider.id());
        assertSame(made, provider.create(config, server));
        assertSame(config, seen.get()[0]);
        assertSame(server, seen.get()[1]);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void whatTheFactoryThrowsReachesTheCaller(Kind kind) {
        IOException failure = new IOException("cannot read certs/server.key");
        PluginProvider<?> provider = kind.apply("pem", (c, s) -> {
            throw failure;
        });
        assertSame(failure, assertThrows(IOException.class, () -> provider.create(null, null)));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anIdAndAFactoryAreRequired(Kind kind) {
        assertEquals("id", assertThrows(NullPointerException.class,
                () -> kind.apply(null, (c, s) -> null)).getMessage());
        assertEquals("factory", assertThrows(NullPointerException.class,
                () -> kind.apply("echo", null)).getMessage());
    }

    @Test
    void theFactoryIsCalledOncePerCreate() throws Exception {
        int[] calls = {0};
        RouteHandlerProvider provider = new RouteHandlerProvider.Base("echo", (c, s) -> {
            calls[0]++;
            return request -> Response.text(Status.OK, "hi");
        }) { };
        provider.create(null, null);
        provider.create(null, null);
        assertEquals(2, calls[0]);
    }

    /** The test's factories return an {@link AnyInstance}, which is every kind's service. */
    @SuppressWarnings("unchecked")
    private static <T extends PluginInstance> PluginFactory<T> as(
            PluginFactory<PluginInstance> factory) {
        return (PluginFactory<T>) (PluginFactory<?>) factory;
    }

    private static <T> T untouchable(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    throw new AssertionError("called " + method.getName());
                }));
    }
}
