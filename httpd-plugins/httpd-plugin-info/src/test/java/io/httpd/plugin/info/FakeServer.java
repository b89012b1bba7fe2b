package io.httpd.plugin.info;

import io.httpd.api.Method;
import io.httpd.api.ServerView;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A fixed {@link ServerView}: hostile strings where the server shows names. */
record FakeServer(String name, String version, String runtime, Instant startTime,
                  List<InetSocketAddress> listeners, List<RouteInfo> routes,
                  List<PluginInfo> plugins, Counters counters) implements ServerView {
    static final String HOSTILE_PATH = "/<script>alert(1)</script>/";
    static final String HOSTILE_JAR = "<img src=x onerror=\"document.title='pwned'\">.jar";
    static final Instant START = Instant.parse("2026-12-01T10:00:00.123456Z");

    static FakeServer hostile() throws Exception {
        return new FakeServer("httpd & <b>co</b>", "1.2.3", "25.0.3+9 (Acme \"JVM\")", START,
                List.of(new InetSocketAddress("127.0.0.1", 8080),
                        new InetSocketAddress("::1", 8443)),
                List.of(new RouteInfo("/echo", "echo", Set.of(Method.PUT, Method.GET,
                                Method.HEAD, Method.POST, Method.of("PROPFIND"))),
                        new RouteInfo(HOSTILE_PATH, "info", Set.of(Method.GET, Method.HEAD))),
                List.of(new PluginInfo("route", "echo", "io.httpd.plugin.echo", "0.1.0",
                                "built-in"),
                        new PluginInfo("access_log", "evil", "com.example.evil", "",
                                "/srv/secret/plugins/" + HOSTILE_JAR),
                        new PluginInfo("route", "folder", "com.example.folder", "2",
                                "plugins/with-libs")),
                counting());
    }

    /** Counters with the values 101, 102, 103, ... in component order, whatever they are. */
    static Counters counting() throws Exception {
        RecordComponent[] components = Counters.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = types[i] == long.class ? (Object) (101L + i) : List.of();
        }
        Constructor<Counters> canonical = Counters.class.getDeclaredConstructor(types);
        return canonical.newInstance(values);
    }
}
