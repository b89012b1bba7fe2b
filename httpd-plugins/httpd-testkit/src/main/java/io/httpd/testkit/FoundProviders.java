package io.httpd.testkit;

import io.httpd.api.PluginProvider;

import java.util.List;
import java.util.ServiceLoader;

/**
 * What ServiceLoader finds for a plugin's module, as the server finds it: the test that a
 * module-info's {@code provides} is right. Call it from a test class patched into the plugin's
 * module (the default for tests of a module with a module-info).
 *
 * <pre>{@code
 * assertEquals(List.of("greeting"), FoundProviders.ids(GreetingProviderTest.class,
 *         "example.greeting", RouteHandlerProvider.class));
 * }</pre>
 */
public final class FoundProviders {
    private FoundProviders() {
    }

    /**
     * The ids of every provider of the service that ServiceLoader finds, in its order.
     *
     * @throws AssertionError when the module is not named: the tests do not run on the module
     *                        path, so its {@code provides} would not be read
     */
    public static <S extends PluginProvider<?>> List<String> ids(Module module, Class<S> service) {
        if (!module.isNamed()) {
            throw new AssertionError("tests do not run on the module path: " + module);
        }
        return ServiceLoader.load(service).stream().map(p -> p.get().id()).toList();
    }

    /**
     * The same, from a test class that must run in the named module.
     *
     * @throws AssertionError when the test class's module is not {@code moduleName}: the tests
     *                        do not run on the module path, or in another module
     */
    public static <S extends PluginProvider<?>> List<String> ids(Class<?> testClass,
            String moduleName, Class<S> service) {
        Module module = testClass.getModule();
        if (!moduleName.equals(module.getName())) {
            throw new AssertionError("tests run on the module path, in " + moduleName + ", not in "
                    + module);
        }
        return ids(module, service);
    }

    /**
     * Asserts that ServiceLoader finds this provider, and no other, for the service: the
     * plugin's {@code provides} names the provider's class, which answers to the same id.
     *
     * <pre>{@code
     * FoundProviders.assertFinds(RouteHandlerProvider.class, new GreetingProvider());
     * }</pre>
     *
     * @throws AssertionError when the provider's module is not named (the tests do not run on
     *                        the module path), or ServiceLoader finds other classes or ids
     */
    public static <S extends PluginProvider<?>> void assertFinds(Class<S> service, S provider) {
        Module module = provider.getClass().getModule();
        if (!module.isNamed()) {
            throw new AssertionError("tests do not run on the module path: " + module);
        }
        List<String> found = ServiceLoader.load(service).stream()
                .map(p -> p.type().getName() + " " + p.get().id()).toList();
        List<String> expected = List.of(provider.getClass().getName() + " " + provider.id());
        if (!found.equals(expected)) {
            throw new AssertionError("ServiceLoader finds " + found + " for "
                    + service.getSimpleName() + ", not " + expected);
        }
    }
}
