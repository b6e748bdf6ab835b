package io.seismo.sink.alertmanager;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The Debian {@code prometheus-alertmanager} binary started on a free loopback port with a minimal config, its
 * clustering off and its state in a temporary directory; its output goes to a file there, for a failing test to show.
 */
final class RealAlertmanager implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    private static final String CONFIG = """
            route:
              receiver: nowhere
            receivers:
              - name: nowhere
            """;

    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    RealAlertmanager(Path dir) throws IOException {
        int port = freePort();
        Path config = Files.writeString(dir.resolve("alertmanager.yml"), CONFIG);
        Path storage = Files.createDirectories(dir.resolve("data"));
        this.base = URI.create("http://127.0.0.1:" + port);
        this.process = new ProcessBuilder(List.of(BINARY.toString(),
                "--config.file=" + config,
                "--storage.path=" + storage,
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address="))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("alertmanager.log").toFile())
                .start();
        try {
            await("Alertmanager ready on " + base).atMost(READY_WITHIN).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions()
                    .until(() -> process.isAlive() && get("/-/ready").statusCode() == 200);
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("Alertmanager did not start; its log: "
                    + Files.readString(dir.resolve("alertmanager.log")), e);
        }
    }

    URI base() {
        return base;
    }

    /** A GET against Alertmanager's own API, e.g. {@code /api/v2/alerts}. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
