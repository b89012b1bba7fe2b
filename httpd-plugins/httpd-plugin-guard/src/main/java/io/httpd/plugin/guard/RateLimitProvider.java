package io.httpd.plugin.guard;

import io.httpd.api.PluginConfig;
import io.httpd.api.RequestValidatorProvider;
import io.httpd.api.Status;
import io.httpd.api.Token;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/** Provides validator {@code ratelimit}: see {@link RateLimitValidator}. */
public final class RateLimitProvider extends RequestValidatorProvider.Base {
    static final long MAX_BURST = 1_000_000;
    static final long DEFAULT_KEYS = 100_000;
    static final long MAX_KEYS = 10_000_000;

    private static final System.Logger LOG =
            System.getLogger(RateLimitProvider.class.getPackageName());

    /** Creates the provider; no side effects. */
    public RateLimitProvider() {
        super("ratelimit", (config, server) -> create(config, System::nanoTime,
                (level, line) -> LOG.log(level, line)));
    }

    /**
     * The validator with this clock (nanoseconds, like {@code System.nanoTime}) and this
     * receiver of its {@link EvictionReport} lines.
     */
    static RateLimitValidator create(PluginConfig config, LongSupplier nanos,
                                     BiConsumer<System.Logger.Level, String> log) {
        long rate = range(config, "rate", config.integer("rate", 0), 1, 1_000_000_000);
        Duration period = config.duration("period", Duration.ofSeconds(1));
        if (period.isNegative() || period.isZero() || period.compareTo(Duration.ofDays(1)) > 0) {
            throw config.error("period", "must be more than 0 and at most 1 day");
        }
        long burst = range(config, "burst", config.integer("burst", rate), 1, MAX_BURST);
        long keys = range(config, "keys", config.integer("keys", DEFAULT_KEYS), 1, MAX_KEYS);
        String header = header(config);
        long interval = Math.max(1, period.toNanos() / rate);
        Scope scope = Scope.read(config);
        TokenBuckets buckets = new TokenBuckets(interval, (int) burst, (int) keys, nanos);
        EvictionReport evictions = new EvictionReport(buckets, (int) keys,
                scope.routes().isEmpty() ? "all" : String.join(",", scope.routes()), nanos, log);
        return new RateLimitValidator(buckets, evictions, header, scope,
                AccessProvider.status(config, "status", Status.TOO_MANY_REQUESTS));
    }

    private static String header(PluginConfig config) {
        String key = config.string("key", "client");
        if (key.equals("client")) {
            return null;
        }
        String name = key.startsWith("header:") ? key.substring("header:".length()) : "";
        if (!Token.isToken(name)) {
            throw config.error("key", "must be \"client\" or \"header:NAME\", not \"" + key + "\"");
        }
        return name;
    }

    private static long range(PluginConfig config, String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw config.error(key, value == 0 && key.equals("rate") && !config.keys().contains(key)
                    ? "required" : "must be " + min + " to " + max + ", not " + value);
        }
        return value;
    }
}
