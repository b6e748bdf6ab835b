package io.seismo.sink.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertSinkProvider;
import io.seismo.sink.Notification;
import io.seismo.sink.SinkContext;
import io.seismo.sink.SinkOptions;
import io.seismo.sink.SinkSpec;
import io.seismo.sink.delivery.HttpFailure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The documented example of a new sink ({@code alert-sinks/README.md}, "Writing a sink"): {@code type: chatroom}
 * posts each notification as {@code {"content": "…"}}, one line per alert, to a chat room's webhook {@code url}.
 * It is registered in {@code META-INF/services/io.seismo.sink.AlertSinkProvider}; nothing else needs to know it.
 */
public final class ChatRoomSinkProvider implements AlertSinkProvider {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String type() {
        return "chatroom";
    }

    @Override
    public AlertSink create(SinkSpec spec, SinkContext context) {
        SinkOptions options = SinkOptions.of(spec, Set.of("url"));
        URI url = options.httpUrl("url").orElseThrow(() -> options.invalid("url", "is required"));
        return new ChatRoomSink(spec.name(), url, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build());
    }

    /** Sends without blocking: {@code sendAsync} completes the future when the room answers. */
    private record ChatRoomSink(String name, URI url, HttpClient http) implements AlertSink {

        @Override
        public CompletableFuture<Void> send(Notification notification) {
            // Summaries are already worded by the sink's template (title), so a sink only lays them out.
            String content = notification.alerts().stream()
                    .map(alert -> "[" + alert.status().wireName() + "] " + alert.summary())
                    .collect(Collectors.joining("\n"));
            HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("content", content).toString()))
                    .build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        if (failure != null) {
                            throw HttpFailure.transport(name, failure);
                        }
                        if (response.statusCode() / 100 != 2) {
                            // 429 and 5xx come back retryable, anything else not: the daemon retries or gives up.
                            throw HttpFailure.of(name, response.statusCode(),
                                    response.headers().firstValue("Retry-After").orElse(null), response.body());
                        }
                        return null;
                    });
        }
    }
}
