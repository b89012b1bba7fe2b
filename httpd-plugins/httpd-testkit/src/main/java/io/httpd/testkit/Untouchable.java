package io.httpd.testkit;

import java.lang.reflect.Proxy;

/**
 * An implementation of an interface that fails the test on any call: to show that a factory
 * reads no config, or never looks at the server view.
 *
 * <pre>{@code
 * new EchoProvider().create(Untouchable.of(PluginConfig.class), Untouchable.of(ServerView.class));
 * }</pre>
 */
public final class Untouchable {
    private Untouchable() {
    }

    /** An instance of the interface whose every method throws an {@link AssertionError}. */
    public static <T> T of(Class<T> type) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    throw new AssertionError(type.getSimpleName() + "." + method.getName()
                            + " called");
                });
        return type.cast(proxy);
    }
}
