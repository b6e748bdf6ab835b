package io.seismo.sink.pagerduty;

import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertSinkProvider;
import io.seismo.sink.SinkContext;
import io.seismo.sink.SinkOptions;
import io.seismo.sink.SinkSpec;
import io.seismo.sink.delivery.JsonPoster;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@code type: pagerduty}: {@code routingKey} (the integration key of an Events API v2 integration) or
 * {@code routingKeyFile}, {@code url} (default {@value #DEFAULT_URL}; the EU service is
 * {@code https://events.eu.pagerduty.com/v2/enqueue}), {@code timeout} (default 10s).
 */
public final class PagerDutySinkProvider implements AlertSinkProvider {
    static final String DEFAULT_URL = "https://events.pagerduty.com/v2/enqueue";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String type() {
        return "pagerduty";
    }

    @Override
    public AlertSink create(SinkSpec spec, SinkContext context) {
        SinkOptions options = SinkOptions.of(spec, Set.of("routingKey", "routingKeyFile", "url", "timeout"));
        String routingKey = options.requiredSecret("routingKey", "routingKeyFile");
        URI url = options.httpUrl("url").orElse(URI.create(DEFAULT_URL));
        Duration timeout = options.duration("timeout", DEFAULT_TIMEOUT);
        return new PagerDutySink(spec.name(), url, routingKey,
                new JsonPoster(spec.name(), context.vertx(), timeout, Map.of()));
    }
}
