package io.seismo.agent.ship;

import io.seismo.agent.config.DaemonEndpoint;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * POSTs a batch to the daemon as NDJSON with the agent's headers. Never blocks and never completes
 * exceptionally: every way a request can end is a {@link ShipResult}.
 */
public final class BatchSender {
    private final HttpClient client;
    private final DaemonEndpoint endpoint;
    private final String authorization;
    private final String agentId;
    private final String host;

    public BatchSender(HttpClient client, DaemonEndpoint endpoint, String agentId, String host) {
        this.client = client;
        this.endpoint = endpoint;
        this.authorization = "Bearer " + endpoint.token();
        this.agentId = HeaderValues.safe(agentId);
        this.host = HeaderValues.safe(host);
    }

    public CompletableFuture<ShipResult> send(Batch batch) {
        HttpRequest request;
        ByteArrayBodyPublisher body = new ByteArrayBodyPublisher(batch.body(), batch.bodyLength());
        try {
            request = HttpRequest.newBuilder(endpoint.url())
                    .timeout(endpoint.requestTimeout())
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/x-ndjson")
                    .header("Seismo-Agent", agentId)
                    .header("Seismo-Host", host)
                    .header("Seismo-Service", HeaderValues.safe(batch.service()))
                    .header("Seismo-Path", HeaderValues.safe(batch.location()))
                    .header("Seismo-Kind", batch.source().kind().header())
                    .header("Seismo-Source", HeaderValues.safe(batch.sourceId()))
                    .header("Seismo-First-Offset", Long.toString(batch.firstOffset()))
                    .header("Seismo-Last-Offset", Long.toString(batch.lastOffset()))
                    .POST(body)
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(ShipResult.failed(e));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    body.release();
                    return failure != null
                            ? ShipResult.failed(failure)
                            : ShipResult.answered(response.statusCode(), retryAfter(response), response.body());
                });
    }

    private static OptionalLong retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse("").trim();
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(value));
    }
}
