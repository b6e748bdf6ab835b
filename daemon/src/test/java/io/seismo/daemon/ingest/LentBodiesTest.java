package io.seismo.daemon.ingest;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies read into lent arrays by a real Vert.x server, which answers with the bytes it was handed. */
class LentBodiesTest {
    private static final int MAX_BYTES = 512 * 1024;

    private final HttpClient client = HttpClient.newHttpClient();
    private Vertx vertx;
    private HttpServer server;
    private LentBodies bodies;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        bodies = new LentBodies(MAX_BYTES);
        Router router = Router.router(vertx);
        router.post("/echo").handler(ctx -> bodies.read(ctx, (bytes, length) -> {
            ctx.response().end(Buffer.buffer().appendBytes(bytes, 0, length));
            return false;
        }));
        // Keeps the array a while, as a batch waiting for room in the ring does, answers from it, then gives it back.
        router.post("/keep").handler(ctx -> bodies.read(ctx, (bytes, length) -> {
            vertx.setTimer(20, id -> {
                ctx.response().end(Buffer.buffer().appendBytes(bytes, 0, length));
                bodies.giveBack(bytes);
            });
            return true;
        }));
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setDecompressionSupported(true))
                .requestHandler(router).listen(0).await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldHandEachOfManyConcurrentBodiesItsOwnBytes() throws Exception {
        SplittableRandom random = new SplittableRandom(17);
        for (int round = 0; round < 5; round++) {
            List<byte[]> sent = new ArrayList<>();
            List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                // Empty, small and larger than the first array; sized or chunked; now and then gzipped.
                byte[] body = new byte[switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> random.nextInt(1_000);
                    default -> random.nextInt(MAX_BYTES);
                }];
                for (int b = 0; b < body.length; b++) {
                    body[b] = (byte) ('a' + random.nextInt(26));
                }
                sent.add(body);
                answers.add(client.sendAsync(request(body, random.nextBoolean(), random.nextInt(4) == 0),
                        HttpResponse.BodyHandlers.ofByteArray()));
            }
            for (int i = 0; i < sent.size(); i++) {
                HttpResponse<byte[]> answer = answers.get(i).get(30, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).as("body %d of round %d", i, round).isEqualTo(sent.get(i));
            }
        }
    }

    @Test
    void shouldNotLendAnArrayItsUserKeepsUntilItIsGivenBack() throws Exception {
        SplittableRandom random = new SplittableRandom(23);
        List<byte[]> sent = new ArrayList<>();
        List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            byte[] body = new byte[1_000 + random.nextInt(100_000)];
            Arrays.fill(body, (byte) ('a' + i % 26));
            sent.add(body);
            answers.add(client.sendAsync(request(body, true, false, "/keep"), HttpResponse.BodyHandlers.ofByteArray()));
        }
        for (int i = 0; i < sent.size(); i++) {
            HttpResponse<byte[]> answer = answers.get(i).get(30, TimeUnit.SECONDS);
            assertThat(answer.body()).as("body %d, answered from the kept array", i).isEqualTo(sent.get(i));
        }
        // Given back, the arrays serve the next bodies: no new one for a body that fits one of them.
        long made = bodies.arraysMade();
        byte[] small = "fits a kept array".getBytes();
        assertThat(client.send(request(small, true, false, "/keep"), HttpResponse.BodyHandlers.ofByteArray()).body())
                .isEqualTo(small);
        assertThat(bodies.arraysMade()).isEqualTo(made);
    }

    @Test
    void shouldReadBodiesOfAboutOneSizeIntoTheSameArray() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 40; i++) { // one connection, so one event loop: an agent's batches of one file
            byte[] body = new byte[200_000 + random.nextInt(10_000)];
            Arrays.fill(body, (byte) ('a' + i % 26));
            HttpResponse<byte[]> answer = client.send(request(body, true, false), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.body()).isEqualTo(body);
        }

        assertThat(bodies.arraysMade()).isLessThanOrEqualTo(2);
    }

    @Test
    void shouldRefuseABodyOverTheLimitWhetherDeclaredOrNot() throws Exception {
        byte[] big = new byte[MAX_BYTES + 1];

        assertThat(client.send(request(big, true, false), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(413);
        assertThat(client.send(request(big, false, false), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(413);
        byte[] small = "still served".getBytes();
        assertThat(client.send(request(small, true, false), HttpResponse.BodyHandlers.ofByteArray()).body())
                .isEqualTo(small);
    }

    private HttpRequest request(byte[] body, boolean sized, boolean gzipped) throws Exception {
        return request(body, sized, gzipped, "/echo");
    }

    private HttpRequest request(byte[] body, boolean sized, boolean gzipped, String path) throws Exception {
        byte[] payload = gzipped ? gzip(body) : body;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .timeout(Duration.ofSeconds(30));
        if (gzipped) {
            request.header("Content-Encoding", "gzip");
        }
        // A byte array goes with its Content-Length; a stream goes chunked, its length unknown.
        return request.POST(sized ? HttpRequest.BodyPublishers.ofByteArray(payload)
                : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(payload))).build();
    }

    private static byte[] gzip(byte[] body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        }
        return out.toByteArray();
    }
}
