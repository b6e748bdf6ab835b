package io.seismo.sink.webhook;

import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertSinkProvider;
import io.seismo.sink.SinkContext;
import io.seismo.sink.SinkOptions;
import io.seismo.sink.SinkSpec;
import io.seismo.sink.delivery.JsonPoster;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code type: webhook}, options {@code url} (required, http or https), {@code timeout} (default 5s),
 * {@code headers}, and {@code secret} or {@code secretFile} to sign each request (see {@link WebhookSignature}).
 */
public final class WebhookSinkProvider implements AlertSinkProvider {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public AlertSink create(SinkSpec spec, SinkContext context) {
        SinkOptions options = SinkOptions.of(spec, Set.of("url", "timeout", "headers", "secret", "secretFile"));
        URI url = options.httpUrl("url").orElseThrow(() -> options.invalid("url", "is required"));
        Duration timeout = options.duration("timeout", DEFAULT_TIMEOUT);
        Map<String, String> headers = options.httpHeaders("headers");
        Optional<WebhookSignature> signature = options.secret("secret", "secretFile").map(WebhookSignature::new);
        // Built last, once every option is valid, so that a config error leaks no HTTP client.
        JsonPoster poster = new JsonPoster(spec.name(), context.vertx(), timeout, headers);
        return new WebhookSink(spec.name(), url, poster, signature, Clock.systemUTC());
    }
}
