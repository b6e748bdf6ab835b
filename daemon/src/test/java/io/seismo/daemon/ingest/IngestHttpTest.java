package io.seismo.daemon.ingest;

import io.seismo.daemon.config.DaemonConfig;
import io.seismo.daemon.config.DaemonConfigLoader;
import io.seismo.daemon.http.HttpApi;
import io.seismo.daemon.http.SilenceRoutes;
import io.seismo.daemon.silence.SilenceStore;
import io.seismo.daemon.http.Readiness;
import io.seismo.daemon.journal.JournalOptions;
import io.seismo.daemon.journal.SegmentedJournal;
import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.daemon.parse.LineParser;
import io.seismo.daemon.pipeline.BarrierHandler;
import io.seismo.daemon.pipeline.Correlator;
import io.seismo.daemon.pipeline.Pipeline;
import io.seismo.daemon.pipeline.SourceOffsets;
import io.seismo.daemon.reload.ReloadControl;
import io.seismo.rules.event.Event;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ingest endpoint on a real Vert.x server over a real ring, with a correlator that records what reaches it. */
class IngestHttpTest {
    private static final String TOKEN = "t0ken";
    private static final Duration MAX_RING_WAIT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private final DaemonMetrics metrics = new DaemonMetrics();
    private final List<Event> correlated = new CopyOnWriteArrayList<>();
    private final CountDownLatch correlatorGate = new CountDownLatch(1);
    private volatile boolean gateClosed;
    private Vertx vertx;
    private Pipeline pipeline;
    private HttpServer server;
    private final Readiness readiness = new Readiness(null);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void start() throws Exception {
        DaemonConfig config = new DaemonConfigLoader(Map.of()).parse("auth: { tokens: [ " + TOKEN + " ] }\n", dir);
        ParserTable parsers = new ParserTable(config);
        LineParser message = (line, out) -> {
            out.setMessage(line.toString());
            return true;
        };
        Correlator correlator = new Correlator() {
            @Override
            public void onEvent(Event event) {
                if (gateClosed) {
                    try {
                        correlatorGate.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                Event copy = new Event();
                copy.copyFrom(event);
                correlated.add(copy);
            }

            @Override
            public void onTick(long nowNanos) {
            }
        };
        pipeline = new Pipeline(16, 1, new SegmentedJournal(dir.resolve("journal"), JournalOptions.perBatch(1 << 20), () -> { }),
                () -> new LineParser[] {message}, correlator, BarrierHandler.NONE, metrics);
        vertx = Vertx.vertx();
        server = new HttpApi(vertx, metrics, readiness)
                .start("127.0.0.1", 0, 4096, new BearerTokenAuth(config.tokens(), metrics.rejectedUnauthorized),
                        new IngestHandler(pipeline, parsers, metrics, readiness::isReady, Clock.systemUTC(), new AgentRegistry(),
                                new SourceOffsets(), 4096, MAX_RING_WAIT),
                        List::of, id -> Optional.empty(), JsonObject::new, ReloadControl.UNAVAILABLE,
                        new SilenceRoutes(vertx, SilenceStore.open(dir.resolve("silences.json"), Clock.systemUTC(), () -> { })))
                .await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        correlatorGate.countDown();
        vertx.close().await(10, TimeUnit.SECONDS);
        pipeline.close(Duration.ofSeconds(5));
    }

    @Test
    void shouldAcceptTheGoodLinesOfABatchAndCountTheMalformedOne() throws Exception {
        HttpResponse<String> response = post(TOKEN, """
                {"o":0,"l":"first"}
                {"o":6,"l":
                {"o":20,"l":"third","t":true}
                """);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getInteger("accepted")).isEqualTo(2);
        assertThat(new JsonObject(response.body()).getInteger("malformed")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> correlated.size() == 2);
        assertThat(correlated).extracting(Event::getMessage).containsExactly("first", "third");
        assertThat(correlated.get(0).getService()).isEqualTo("checkout");
        assertThat(correlated.get(1).attr("seismo.truncated")).isEqualTo("true");
        assertThat(metrics.malformedLines.get()).isEqualTo(1.0);
        assertThat(metrics.eventsIngested.get()).isEqualTo(2.0);
    }

    @Test
    void shouldDropAndCountLinesTheSourceAlreadySentWhenABatchIsRetried() throws Exception {
        String batch = "{\"o\":0,\"l\":\"one\"}\n{\"o\":4,\"l\":\"two\"}\n";
        post(TOKEN, batch);

        HttpResponse<String> retried = post(TOKEN, batch + "{\"o\":8,\"l\":\"three\"}\n");

        assertThat(new JsonObject(retried.body()).getInteger("accepted")).isEqualTo(1);
        assertThat(new JsonObject(retried.body()).getInteger("duplicates")).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> correlated.size() == 3);
        assertThat(correlated).extracting(Event::getMessage).containsExactly("one", "two", "three");
        assertThat(metrics.duplicateLines.get()).isEqualTo(2.0);
    }

    @Test
    void shouldJudgeARetriedBatchByItsNewLinesAgainstTheRingsSize() throws Exception {
        StringBuilder sent = new StringBuilder(); // as many lines as the ring has slots
        for (int i = 0; i < 16; i++) {
            sent.append("{\"o\":").append(10 * i).append(",\"l\":\"line ").append(i).append("\"}\n");
        }
        assertThat(post(TOKEN, sent.toString()).statusCode()).isEqualTo(200);

        HttpResponse<String> retried = post(TOKEN, sent + "{\"o\":160,\"l\":\"line 16\"}\n");

        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(retried.body()).getInteger("accepted")).isEqualTo(1);
        assertThat(new JsonObject(retried.body()).getInteger("duplicates")).isEqualTo(16);
        await().atMost(Duration.ofSeconds(10)).until(() -> correlated.size() == 17);
        assertThat(metrics.rejectedTooLarge.get()).isZero();
    }

    @Test
    void shouldRefuseAMissingOrWrongToken() throws Exception {
        assertThat(post(null, "{\"o\":0,\"l\":\"x\"}\n").statusCode()).isEqualTo(401);
        assertThat(post("nope", "{\"o\":0,\"l\":\"x\"}\n").statusCode()).isEqualTo(401);
        assertThat(metrics.rejectedUnauthorized.get()).isEqualTo(2.0);
        assertThat(correlated).isEmpty();
    }

    @Test
    void shouldRefuseABodyOverTheLimit() throws Exception {
        String big = "{\"o\":0,\"l\":\"" + "x".repeat(5000) + "\"}\n";

        assertThat(post(TOKEN, big).statusCode()).isEqualTo(413);
        assertThat(metrics.rejectedTooLarge.get()).isEqualTo(1.0);
    }

    @Test
    void shouldHoldABatchThatFindsTheRingFullUntilThereIsRoom() throws Exception {
        gateClosed = true;
        StringBuilder fill = new StringBuilder(); // the ring's 16 slots: the correlator holds the first
        for (int i = 0; i < 16; i++) {
            fill.append("{\"o\":").append(i).append(",\"l\":\"line ").append(i).append("\"}\n");
        }
        assertThat(post(TOKEN, fill.toString()).statusCode()).isEqualTo(200);

        CompletableFuture<HttpResponse<String>> waiting = postAsync(TOKEN, "{\"o\":99,\"l\":\"one more\"}\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("seismo_ingest_waiting_lines").equals("1.0"));
        correlatorGate.countDown();

        HttpResponse<String> answered = waiting.get(10, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(answered.body()).getInteger("accepted")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> correlated.size() == 17);
        assertThat(correlated.get(16).getMessage()).isEqualTo("one more");
        assertThat(metrics.rejectedRingFull.get()).isZero();
        assertThat(metric("seismo_ingest_waiting_lines")).isEqualTo("0.0");
    }

    /** Framed, a batch's lines stay in its body; as envelopes, they are copied into an array of their own. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldKeepTheLinesOfAWaitingBatchWhileTheLoopReadsMoreBodies(boolean framed) throws Exception {
        gateClosed = true;
        FramedBody fillFrames = new FramedBody();
        StringBuilder fill = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            fillFrames.line(i, "line " + i);
            fill.append("{\"o\":").append(i).append(",\"l\":\"line ").append(i).append("\"}\n");
        }
        assertThat((framed ? postFramed(fillFrames.bytes()) : post(TOKEN, fill.toString())).statusCode()).isEqualTo(200);

        // Both wait for room; the second body and its lines are read meanwhile, into arrays the loop lends.
        CompletableFuture<HttpResponse<String>> first = framed
                ? postFramedAsync(new FramedBody().line(99, "one more").bytes())
                : postAsync(TOKEN, "{\"o\":99,\"l\":\"one more\"}\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("seismo_ingest_waiting_lines").equals("1.0"));
        CompletableFuture<HttpResponse<String>> second = framed
                ? postFramedAsync(new FramedBody().line(120, "and another").bytes())
                : postAsync(TOKEN, "{\"o\":120,\"l\":\"and another\"}\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("seismo_ingest_waiting_lines").equals("2.0"));
        correlatorGate.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> correlated.size() == 18);
        assertThat(correlated.subList(16, 18)).extracting(Event::getMessage).containsExactly("one more", "and another");
    }

    @Test
    void shouldTakeEveryLineExactlyAsTheAgentSentIt() throws Exception {
        HttpResponse<String> response = post(TOKEN, """
                {"o":0,"l":"{\\"msg\\":\\"a \\\\ b\\",\\"tab\\":\\"\\t\\"}"}
                {"o":40,"l":"naïve ☃ \uD83D\uDE00 unescaped"}
                {"o":80,"l":"escaped \\u00e9 and \\ud83d\\ude00"}
                """);

        assertThat(response.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> correlated.size() == 3);
        assertThat(correlated).extracting(Event::getMessage).containsExactly(
                "{\"msg\":\"a \\ b\",\"tab\":\"\t\"}", "naïve ☃ \uD83D\uDE00 unescaped", "escaped é and \uD83D\uDE00");
    }

    @Test
    void shouldTakeFramedLinesAsTheyWereInTheFileAndDropOnesAlreadySent() throws Exception {
        byte[] malformed = {'b', 'a', 'd', ' ', (byte) 0xC3, '!'};
        byte[] body = new FramedBody()
                .line(0, "{\"msg\":\"a \\ \\\" b\",\"tab\":\"\t\"}")
                .line(40, "two\nlines in one")
                .line(60, "naïve ☃ \uD83D\uDE00")
                .line(90, 0, malformed)
                .cut(100, "cut short")
                .bytes();

        HttpResponse<String> response = postFramed(body);
        HttpResponse<String> retried = postFramed(new FramedBody().cut(100, "cut short").line(110, "new").bytes());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getInteger("accepted")).isEqualTo(5);
        assertThat(new JsonObject(retried.body()).getInteger("accepted")).isEqualTo(1);
        assertThat(new JsonObject(retried.body()).getInteger("duplicates")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> correlated.size() == 6);
        assertThat(correlated).extracting(Event::getMessage).containsExactly(
                "{\"msg\":\"a \\ \\\" b\",\"tab\":\"\t\"}", "two\nlines in one", "naïve ☃ \uD83D\uDE00",
                "bad \uFFFD!", "cut short", "new");
        assertThat(correlated.get(4).attr("seismo.truncated")).isEqualTo("true");
        assertThat(correlated.get(0).attr("seismo.truncated")).isNull();
        assertThat(metrics.malformedLines.get()).isZero();
    }

    @Test
    void shouldRefuseAndCountAFramedBodyWhoseLengthsDoNotAddUp() throws Exception {
        byte[] body = new FramedBody().line(0, "fine").header(5, 0, 100).raw("short".getBytes(StandardCharsets.US_ASCII))
                .bytes();

        HttpResponse<String> response = postFramed(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(response.body()).getString("error")).isEqualTo("malformed application/vnd.seismo.lines"
                + " body: line 2 at byte 17: length 100 runs past the body's end (5 bytes left)");
        assertThat(metrics.rejectedMalformed.get()).isEqualTo(1.0);
        assertThat(postFramed(new FramedBody().line(0, "fine").bytes()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> correlated.size() == 1);
        assertThat(correlated).extracting(Event::getMessage).as("nothing of the refused body").containsExactly("fine");
    }

    @Test
    void shouldAnswer429WithRetryAfterWhenTheRingStaysFull() throws Exception {
        gateClosed = true;
        int status = 200;
        for (int i = 0; i < 40 && status == 200; i++) {
            status = post(TOKEN, "{\"o\":" + i + ",\"l\":\"line " + i + "\"}\n").statusCode();
        }
        CompletableFuture<HttpResponse<String>> asked = postAsync(TOKEN, "{\"o\":99,\"l\":\"one more\"}\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("seismo_ingest_waiting_lines").equals("1.0")); // waits first
        HttpResponse<String> refused = asked.get(10, TimeUnit.SECONDS);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(metric("seismo_ingest_waiting_lines")).isEqualTo("0.0");
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(metrics.rejectedRingFull.get()).isGreaterThanOrEqualTo(1.0);
        correlatorGate.countDown();
    }

    @Test
    void shouldAnswer503WithAReasonAndRetryAfterUntilReady() throws Exception {
        readiness.notReady("starting: replaying the journal");

        HttpResponse<String> ready = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.actualPort() + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> ingest = post(TOKEN, "{\"o\":0,\"l\":\"early\"}\n");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(new JsonObject(ready.body()).getString("reason")).isEqualTo("starting: replaying the journal");
        assertThat(ingest.statusCode()).isEqualTo(503);
        assertThat(ingest.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(metrics.rejectedNotReady.get()).isEqualTo(1.0);

        readiness.ready();

        assertThat(post(TOKEN, "{\"o\":0,\"l\":\"now\"}\n").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> post(String token, String body) throws Exception {
        return client.send(request(token, body), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String token, String body) {
        return client.sendAsync(request(token, body), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of an unlabelled series in the server's {@code /metrics}, as written there. */
    private String metric(String name) throws Exception {
        String text = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(line -> line.startsWith(name + " ")).map(line -> line.substring(name.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not in /metrics"));
    }

    private HttpResponse<String> postFramed(byte[] body) throws Exception {
        return client.send(framedRequest(body), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> postFramedAsync(byte[] body) {
        return client.sendAsync(framedRequest(body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest framedRequest(byte[] body) {
        return request(TOKEN, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", LineFrames.MEDIA_TYPE).build();
    }

    private HttpRequest request(String token, String body) {
        return request(token, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private HttpRequest.Builder request(String token, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/v1/ingest"))
                .timeout(Duration.ofSeconds(10))
                .header("Seismo-Service", "checkout")
                .header("Seismo-Path", "/var/log/checkout.log")
                .header("Seismo-Source", "abc123")
                .POST(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }
}
