import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The baseline for bench/echo.sh: the JDK's own com.sun.net.httpserver on virtual threads,
 * answering GET /echo with the same body httpd's echo plugin sends (the request line and the
 * header fields as text/plain). Run with: java JdkEchoServer.java PORT
 */
public class JdkEchoServer {
    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(
                new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/echo", JdkEchoServer::echo);
        server.start();
        System.out.println("listening on " + server.getAddress());
    }

    private static void echo(HttpExchange exchange) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append(exchange.getRequestMethod()).append(' ').append(exchange.getRequestURI())
                .append(' ').append(exchange.getProtocol()).append('\n');
        for (Map.Entry<String, List<String>> field : exchange.getRequestHeaders().entrySet()) {
            for (String value : field.getValue()) {
                text.append(field.getKey()).append(": ").append(value).append('\n');
            }
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
