package io.httpd.core.http1;

import io.httpd.core.config.Limits;
import io.httpd.core.server.Endpoint;
import io.httpd.core.server.HttpServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.net.ssl.SSLSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;


/**
 * limits.send_timeout on a TLS listener: a client that completes the handshake, asks for 16 MiB
 * and reads nothing is disconnected once the server has waited that long, on each write path
 * (a file body goes through the encryption, not sendfile).
 */
class TlsSendTimeoutTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(LargeResponses.class)
    void aTlsClientThatReadsNothingIsDisconnected(LargeResponses kind) throws Exception {
        TestContext t = LargeResponses.context(dir,
                Limits.defaults().withSendTimeout(SendTimeoutTest.SEND_TIMEOUT));
        TestTls tls = TestTls.shared();
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        HttpServer server = new HttpServer(Endpoint.all(List.of(any), List.of(tls.provider()),
                List.of(false)), Generations.fixed(t.ctx));
        server.start();
        try (SSLSocket client = tls.connect(server.boundAddresses().get(0))) {
            client.getOutputStream().write(("GET /big?" + kind.name() + " HTTP/1.1\r\nHost: a\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            client.getOutputStream().flush();
            Await.until(() -> t.counters.snapshot().requests() == 1
                    && t.counters.snapshot().connectionsOpen() == 0, Duration.ofSeconds(5),
                    () -> "closed after the client stopped reading: " + t.counters.snapshot());
        } finally {
            server.stop(Duration.ofSeconds(1));
        }
    }
}
