package io.httpd.testkit;

import io.httpd.api.AccessLogSinkProvider;
import io.httpd.api.PluginConfig;
import io.httpd.api.PluginInstance;
import io.httpd.api.PluginProvider;
import io.httpd.api.RequestValidatorProvider;
import io.httpd.api.RouteHandlerProvider;
import io.httpd.api.ServerView;
import io.httpd.api.TlsProviderProvider;
import io.httpd.core.Httpd;
import io.httpd.core.config.ConfigErrors;
import io.httpd.core.config.HttpdConfig;
import io.httpd.core.plugin.PluginException;
import io.httpd.core.plugin.PluginKind;
import io.httpd.core.plugin.PluginRegistry;

import java.util.List;

/**
 * A plugin's table from a TOML snippet, read by the server's own code, so the grammar (sizes,
 * durations, {@code ${NAME}}) and every message are the server's. The snippet is the plugin's
 * part of its table: for a route handler, the keys after {@code path} and {@code handler}.
 *
 * <pre>{@code
 * RouteHandler h = TestConfig.create(new GreetingProvider(), """
 *         greeting = "Hi"
 *         repeat = 2
 *         """);
 * ConfigRefused e = assertThrows(ConfigRefused.class,
 *         () -> TestConfig.create(new GreetingProvider(), "repeat = 20"));
 * assertEquals(List.of("route[0].repeat: must be 1 to 10"), e.problems());
 * }</pre>
 *
 * <p>The table sits at {@code route[0]}, {@code validator[0]}, {@code access_log[0]} or
 * {@code tls.test}, by the provider's kind. Relative paths resolve against a temporary folder
 * (where the test's httpd.toml is): give absolute ones, such as a JUnit {@code @TempDir}.
 */
public final class TestConfig {
    private TestConfig() {
    }

    /**
     * Creates the provider's instance from the snippet exactly as the server would: the factory
     * runs on the server's path (unknown keys, thrown {@code ConfigException}s and failures
     * reported as {@code bin/httpd -t} does), then once more with a fresh table and this view
     * for the instance returned.
     *
     * @throws ConfigRefused with every problem the server would report
     * @throws Exception       what the factory throws on its second run
     */
    public static <T extends PluginInstance> T create(PluginProvider<T> provider, String toml,
                                                      ServerView server) throws Exception {
        check(provider, toml);
        return provider.create(table(provider, toml), server);
    }

    /** As {@link #create(PluginProvider, String, ServerView)}, with a {@link TestServerView}. */
    public static <T extends PluginInstance> T create(PluginProvider<T> provider, String toml)
            throws Exception {
        return create(provider, toml, new TestServerView());
    }

    /**
     * The problems the server would report for this snippet, as {@code key: reason}; empty
     * when it would accept it.
     */
    public static List<String> problems(PluginProvider<?> provider, String toml) {
        try {
            check(provider, toml);
            return List.of();
        } catch (ConfigRefused e) {
            return e.problems();
        }
    }

    /**
     * The table alone, for a factory to read; keys left unread are not reported (use
     * {@link #create} for that).
     *
     * @throws ConfigRefused when the snippet is not TOML or its core keys are wrong
     */
    public static PluginConfig table(PluginProvider<?> provider, String toml) {
        ConfigFile file = file(provider, toml);
        try {
            HttpdConfig config = file.load();
            return switch (kind(provider)) {
                case ROUTE -> config.routes().getFirst().config();
                case VALIDATOR -> config.validators().getFirst().config();
                case ACCESS_LOG -> config.accessLogs().getFirst().config();
                case TLS -> config.tls().get("test").config();
            };
        } finally {
            file.delete();
        }
    }

    private static void check(PluginProvider<?> provider, String toml) {
        ConfigFile file = file(provider, toml);
        try {
            HttpdConfig config = file.load();
            PluginRegistry registry = PluginRegistry.of(List.of(
                    new PluginRegistry.Found(kind(provider), provider, PluginRegistry.BUILT_IN)));
            Httpd.create(config, registry).discard();
        } catch (ConfigErrors e) {
            throw file.refused(e);
        } catch (PluginException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            file.delete();
        }
    }

    private static ConfigFile file(PluginProvider<?> provider, String toml) {
        String id = ConfigFile.quote(provider.id());
        String head = switch (kind(provider)) {
            case ROUTE -> "[[route]]\npath = \"/test/\"\nhandler = " + id + "\n";
            case VALIDATOR -> "[[validator]]\nid = " + id + "\n";
            case ACCESS_LOG -> "[[access_log]]\nsink = " + id + "\n";
            case TLS -> "[tls.test]\nprovider = " + id + "\n";
        };
        return ConfigFile.write(head, toml, "\n[[listen]]\naddress = \"127.0.0.1:0\"\n");
    }

    static PluginKind kind(PluginProvider<?> provider) {
        return switch (provider) {
            case RouteHandlerProvider p -> PluginKind.ROUTE;
            case RequestValidatorProvider p -> PluginKind.VALIDATOR;
            case AccessLogSinkProvider p -> PluginKind.ACCESS_LOG;
            case TlsProviderProvider p -> PluginKind.TLS;
            default -> throw new IllegalArgumentException("not a provider of the four services: "
                    + provider.getClass().getName());
        };
    }
}
