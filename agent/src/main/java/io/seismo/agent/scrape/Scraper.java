package io.seismo.agent.scrape;

import io.seismo.agent.config.ScrapeTarget;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * GETs a target's exposition and parses it, all on the HTTP client's threads so the agent's loop never waits.
 * Never completes exceptionally: every way a scrape can end is a {@link ScrapeResult}. The body is read up to
 * {@link #MAX_BODY_BYTES}; a larger one fails the scrape rather than the agent's memory.
 */
public final class Scraper {
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final int READ_CHUNK_BYTES = 64 * 1024;
    private static final String ACCEPT = "text/plain;version=0.0.4;q=1.0,*/*;q=0.1";

    private final Executor httpThreads;
    private final Duration connectTimeout;
    private final LongSupplier epochMs;
    /** Made at the first scrape: an agent that scrapes nothing never loads the JDK client or starts its thread. */
    private HttpClient client;

    /**
     * @param httpThreads    where the client's work and the parsing of answers run
     * @param connectTimeout how long a connection to a target may take to open
     */
    public Scraper(Executor httpThreads, Duration connectTimeout, LongSupplier epochMs) {
        this.httpThreads = httpThreads;
        this.connectTimeout = connectTimeout;
        this.epochMs = epochMs;
    }

    /** Starts a scrape; called on the agent's loop thread only. */
    public CompletableFuture<ScrapeResult> scrape(ScrapeTarget target) {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(connectTimeout)
                    .executor(httpThreads)
                    .build();
        }
        long started = epochMs.getAsLong();
        HttpRequest request = HttpRequest.newBuilder(target.url())
                .timeout(target.timeout())
                .header("Accept", ACCEPT)
                .header("X-Prometheus-Scrape-Timeout-Seconds", Double.toString(target.timeout().toMillis() / 1000.0))
                .GET()
                .build();
        long deadlineNanos = System.nanoTime() + target.timeout().toNanos();
        // The client's timeout covers the headers only; the body is bounded here, and the whole scrape by orTimeout.
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> read(response, started, deadlineNanos))
                .orTimeout(target.timeout().toNanos(), TimeUnit.NANOSECONDS)
                .exceptionally(failure -> ScrapeResult.failed(started, describe(failure)));
    }

    private static ScrapeResult read(HttpResponse<InputStream> response, long started, long deadlineNanos) {
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                return ScrapeResult.failed(started, "answered HTTP " + response.statusCode());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] chunk = new byte[READ_CHUNK_BYTES];
            for (int n = body.read(chunk); n >= 0; n = body.read(chunk)) {
                bytes.write(chunk, 0, n);
                if (bytes.size() > MAX_BODY_BYTES) {
                    return ScrapeResult.failed(started, "body larger than " + MAX_BODY_BYTES + " bytes");
                }
                if (System.nanoTime() - deadlineNanos > 0) {
                    return ScrapeResult.failed(started, "timed out reading the body");
                }
            }
            return ScrapeResult.ok(started, new ExpositionParser().parse(bytes.toString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return ScrapeResult.failed(started, "reading the body failed: " + e.getMessage());
        }
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof HttpTimeoutException || root instanceof TimeoutException) {
            return "timed out";
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
