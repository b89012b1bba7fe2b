package io.httpd.dist;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Real plugin jars for tests: small modules compiled with javax.tools against the image's sdk. */
final class PluginJars {
    static final Path EXAMPLE = Path.of(System.getProperty("httpd.example.jar"));

    private PluginJars() {
    }

    static Path api() throws IOException {
        try (Stream<Path> sdk = Files.list(ImageProcess.IMAGE.resolve("sdk"))) {
            return sdk.filter(p -> p.getFileName().toString().matches("httpd-api-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow();
        }
    }

    /**
     * Compiles one module from sources (path → text, module-info.java included) and jars it.
     *
     * @param modulePath jars or folders the module may require
     */
    static Path module(Path work, String jarName, Map<String, String> sources, Path... modulePath)
            throws IOException {
        Path src = Files.createDirectories(work.resolve("src-" + jarName));
        Path classes = Files.createDirectories(work.resolve("classes-" + jarName));
        List<String> args = new ArrayList<>(List.of("--release", "25", "-d", classes.toString()));
        if (modulePath.length > 0) {
            args.add("-p");
            args.add(String.join(java.io.File.pathSeparator,
                    Stream.of(modulePath).map(Path::toString).toList()));
        }
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, System.err, args.toArray(String[]::new)) != 0) {
            throw new AssertionError("test module did not compile: " + jarName);
        }
        return jar(classes, work.resolve(jarName));
    }

    /**
     * A plain jar: classes compiled on the class path (no module-info.java) plus a
     * META-INF/services entry, so it loads as an automatic module.
     */
    static Path plainJar(Path work, String jarName, String service, String provider,
                         Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(work.resolve("src-" + jarName));
        Path classes = Files.createDirectories(work.resolve("classes-" + jarName));
        List<String> args = new ArrayList<>(List.of("--release", "25", "-d", classes.toString(),
                "-cp", api().toString()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        if (ToolProvider.getSystemJavaCompiler().run(null, null, System.err,
                args.toArray(String[]::new)) != 0) {
            throw new AssertionError("test classes did not compile: " + jarName);
        }
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve(service), provider + "\n");
        return jar(classes, work.resolve(jarName));
    }

    static Path jar(Path classes, Path jarFile) throws IOException {
        try (OutputStream out = Files.newOutputStream(jarFile);
             JarOutputStream jar = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, jar);
                jar.closeEntry();
            }
        }
        return jarFile;
    }

    /** {@link #routeModule} compiled against the image's API and jarred as {@code jarName}. */
    static Path routeJar(Path work, String jarName, String module, String pkg, String id)
            throws IOException {
        return module(work, jarName, routeModule(module, pkg, id), api());
    }

    /** A route-handler provider of this id in this module, answering with a fixed text. */
    static Map<String, String> routeModule(String module, String pkg, String id) {
        String dir = pkg.replace('.', '/');
        return Map.of(
                "module-info.java", "module " + module + " { requires io.httpd.api; "
                        + "provides io.httpd.api.RouteHandlerProvider with " + pkg + ".P; }",
                dir + "/P.java", "package " + pkg + ";\n"
                        + "import io.httpd.api.*;\n"
                        + "public final class P implements RouteHandlerProvider {\n"
                        + "  public String id() { return \"" + id + "\"; }\n"
                        + "  public RouteHandler create(PluginConfig c, ServerView s) {\n"
                        + "    return r -> Response.text(Status.OK, \"" + module + "\\n\");\n"
                        + "  }\n"
                        + "}\n");
    }
}
