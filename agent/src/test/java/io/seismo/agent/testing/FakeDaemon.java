package io.seismo.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 standing in for the daemon's ingest endpoint. It records every request,
 * answers according to a rule the test can change at any time (200 by default), and keeps the lines of
 * the batches it accepted.
 */
public final class FakeDaemon implements AutoCloseable {
    public static final String TOKEN = "test-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final HttpServer server;
    private final List<ReceivedBatch> requests = new CopyOnWriteArrayList<>();
    private volatile Function<ReceivedBatch, Answer> rule = batch -> Answer.ok();

    private FakeDaemon() throws TimeoutException {
        this.vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.post("/v1/ingest").handler(BodyHandler.create(false)).handler(this::handle);
        this.server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .await(10, TimeUnit.SECONDS);
    }

    public static FakeDaemon start() throws TimeoutException {
        return new FakeDaemon();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.actualPort() + "/v1/ingest");
    }

    /** Answers every following request with {@code answer}. */
    public void answer(Answer answer) {
        this.rule = batch -> answer;
    }

    /** Answers each following request as {@code decide} says. */
    public void answerWith(Function<ReceivedBatch, Answer> decide) {
        this.rule = decide;
    }

    public List<ReceivedBatch> requests() {
        return new ArrayList<>(requests);
    }

    public List<ReceivedBatch> accepted() {
        List<ReceivedBatch> out = new ArrayList<>();
        for (ReceivedBatch b : requests) {
            if (b.answeredStatus() == 200) {
                out.add(b);
            }
        }
        return out;
    }

    public long countAnswered(int status) {
        return requests.stream().filter(b -> b.answeredStatus() == status).count();
    }

    /** The lines of every accepted batch, in the order they were accepted. */
    public List<ReceivedLine> acceptedLines() {
        List<ReceivedLine> out = new ArrayList<>();
        for (ReceivedBatch b : accepted()) {
            out.addAll(b.lines());
        }
        return out;
    }

    public List<String> acceptedTexts() {
        return acceptedLines().stream().map(ReceivedLine::text).toList();
    }

    private void handle(RoutingContext ctx) {
        Map<String, String> headers = new TreeMap<>();
        ctx.request().headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        List<ReceivedLine> lines = parse(body, headers.get("seismo-source"), headers.get("seismo-path"));
        ReceivedBatch unanswered = new ReceivedBatch(headers, lines, 0);
        Answer answer = ("Bearer " + TOKEN).equals(headers.get("authorization")) ? rule.apply(unanswered)
                : Answer.status(401);
        requests.add(new ReceivedBatch(headers, lines, answer.status()));
        if (answer.status() == 0) {
            return;
        }
        ctx.response().setStatusCode(answer.status()).putHeader("Content-Type", "application/json");
        if (answer.retryAfterSeconds() != null) {
            ctx.response().putHeader("Retry-After", answer.retryAfterSeconds().toString());
        }
        JsonObject reply = answer.accepts()
                ? new JsonObject().put("accepted", lines.size()).put("malformed", 0).put("duplicates", 0)
                : new JsonObject().put("error", "scripted " + answer.status());
        ctx.response().end(reply.encode());
    }

    private static List<ReceivedLine> parse(byte[] body, String source, String path) {
        return FramedLines.parse(body, body.length).stream()
                .map(frame -> new ReceivedLine(source, path, frame.offset(), frame.text(), frame.truncated()))
                .toList();
    }

    @Override
    public void close() throws TimeoutException {
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
