package io.httpd.dist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.httpd.testkit.Await;

/**
 * The built image's bin/httpd as a real process: started with a config, its output collected,
 * its port read from the {@code server.listen} event, stopped by a signal.
 */
final class ImageProcess implements AutoCloseable {
    static final Path IMAGE = Path.of(System.getProperty("httpd.image", "target/httpd"));
    private static final Pattern LISTEN = Pattern.compile("server\\.listen address=\"[^\"]*:(\\d+)\"");

    /** A listener on any free loopback port: the start of most test configs. */
    static final String ANY_PORT = """
            [[listen]]
            address = "127.0.0.1:0"
            """;
    /** A TLS listener on any free loopback port, with server.crt and server.key beside httpd.toml. */
    static final String TLS_ON_ANY_PORT = """
            [[listen]]
            address = "127.0.0.1:0"
            tls = "main"

            [tls.main]
            provider = "pem"
            cert = "server.crt"
            key = "server.key"
            """;
    /** The echo handler at {@code /echo}. */
    static final String ECHO_ROUTE = """

            [[route]]
            path = "/echo"
            handler = "echo"
            """;
    /** A listener on any free loopback port with the echo handler at {@code /echo}. */
    static final String ECHO_ON_ANY_PORT = ANY_PORT + ECHO_ROUTE;
    /** The same with drop-in plugins from {@code plugins/} beside httpd.toml. */
    static final String PLUGINS_ON_ANY_PORT = """
            [server]
            plugins_dir = "plugins"

            """ + ANY_PORT;

    /**
     * Behind a proxy at 127.0.0.1 (trusted for X-Forwarded-For): a plain listener and a PROXY
     * protocol one on these ports ({@code 0} for any), the echo handler at {@code /echo}.
     */
    static String behindProxy(int plain, int proxied) {
        return """
                [server]
                trusted_proxies = ["127.0.0.1/32"]

                [[listen]]
                address = "127.0.0.1:%d"

                [[listen]]
                address = "127.0.0.1:%d"
                proxy_protocol = true
                """.formatted(plain, proxied) + ECHO_ROUTE;
    }

    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final Thread collector;
    private volatile int port = -1;

    private ImageProcess(Process process) {
        this.process = process;
        this.collector = Thread.ofPlatform().daemon().start(this::collect);
    }

    /** Runs bin/httpd with these arguments from this working directory. */
    static ImageProcess start(Path workDir, String... args) throws IOException {
        return startUnder(List.of(), workDir, args);
    }

    /** Runs bin/httpd with this config and waits for its first listener ({@link #port()}). */
    static ImageProcess serve(Path workDir, Path config) throws IOException {
        ImageProcess server = start(workDir, "-c", config.toString());
        try {
            server.awaitPort(Duration.ofSeconds(20));
        } catch (AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Runs bin/httpd under a command such as {@code nohup}. */
    static ImageProcess startUnder(List<String> wrapper, Path workDir, String... args)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(wrapper, args)).directory(workDir.toFile())
                .redirectErrorStream(true);
        return new ImageProcess(pb.start());
    }

    /**
     * Runs bin/httpd with these arguments under a limit on open files (the shell's
     * {@code ulimit -n}), from this working directory.
     */
    static ImageProcess startWithOpenFiles(Path workDir, int openFiles, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(ENV_DEFAULT_HUP[0], ENV_DEFAULT_HUP[1],
                "bash", "-c",
                "ulimit -n " + openFiles + " && exec \"$0\" \"$@\"",
                IMAGE.resolve("bin/httpd").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new ImageProcess(new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).start());
    }

    /**
     * Every image starts with SIGHUP, SIGINT and SIGTERM at their defaults, whatever the test run
     * inherited: a build started under nohup (which ignores SIGHUP), or as a background job of a
     * shell without job control (which ignores SIGINT), would hand that on to the server, which
     * then cannot reload or stop on that signal (it warns, as signal.ignored). A wrapper such as
     * nohup still applies.
     */
    private static final String[] ENV_DEFAULT_HUP = {"env", "--default-signal=HUP,INT,TERM"};

    private static List<String> command(List<String> wrapper, String... args) {
        List<String> command = new ArrayList<>(List.of(ENV_DEFAULT_HUP));
        command.addAll(wrapper);
        command.add(IMAGE.resolve("bin/httpd").toAbsolutePath().toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs a command that ends by itself, keeping stdout and stderr apart. */
    static Streams runApart(Path workDir, String... args) throws Exception {
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        Process p = new ProcessBuilder(command(List.of(), args)).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/httpd did not exit: " + Files.readString(err));
        }
        return new Streams(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** What a command printed on stdout and on stderr, and its exit code. */
    record Streams(int exit, String out, String err) {
    }

    /** Runs a command that ends by itself; returns its exit code and output. */
    static Result run(Path workDir, String... args) throws Exception {
        try (ImageProcess p = start(workDir, args)) {
            if (!p.process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("bin/httpd did not exit: " + p.output());
            }
            p.awaitOutputEnd();
            return new Result(p.process.exitValue(), p.output());
        }
    }

    record Result(int exit, String output) {
    }

    /** Runs any command with these extra environment variables; its exit code and output. */
    static Result runCommand(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            throw new AssertionError("did not end: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private void collect() {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                output.add(line);
                Matcher m = LISTEN.matcher(line);
                if (m.find() && port < 0) {
                    port = Integer.parseInt(m.group(1));
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private void awaitOutputEnd() throws InterruptedException {
        collector.join(5000); // the stream ends with the process
    }

    /** Waits for the server.listen event and returns the bound port. */
    int awaitPort(Duration timeout) {
        Await.until(() -> port >= 0 || !process.isAlive(), timeout, () -> "server.listen event");
        if (port < 0) {
            throw new AssertionError("no server.listen event; output:\n" + output());
        }
        return port;
    }

    /**
     * Waits for this many server.listen events and returns their ports in the order bound (the
     * admin listener binds after the data listeners).
     */
    List<Integer> awaitPorts(int count) {
        return Await.value(() -> LISTEN.matcher(output()).results()
                        .map(m -> Integer.parseInt(m.group(1))).toList(), ports -> ports.size() >= count,
                Duration.ofSeconds(20), count + " server.listen events");
    }

    /** A loopback port free at the time of asking, for a config that names its ports. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The port of the first listener, once {@link #awaitPort} has seen it. */
    int port() {
        if (port < 0) {
            throw new IllegalStateException("no server.listen event yet");
        }
        return port;
    }

    /** Waits until the output holds this text, such as an event name. */
    void awaitOutput(String text) {
        Await.until(() -> output().contains(text), Duration.ofSeconds(10),
                () -> "\"" + text + "\" in the output:\n" + output());
    }

    /** The JVM's process id: bin/httpd exec'd it (for {@code bin/jcmd PID ...}). */
    long pid() {
        return process.pid();
    }

    /** Sends a signal (TERM, HUP, INT) to the JVM: bin/httpd exec'd it, so the PID is the JVM. */
    void signal(String name) throws Exception {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running; output:\n" + output());
        }
        awaitOutputEnd();
        return process.exitValue();
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    static Path writeConfig(Path dir, String toml) throws IOException {
        Path file = dir.resolve("httpd.toml");
        Files.writeString(file, toml);
        return file;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
