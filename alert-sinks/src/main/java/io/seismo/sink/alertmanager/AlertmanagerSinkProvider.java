package io.seismo.sink.alertmanager;

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
 * {@code type: alertmanager}: {@code url} (required: Alertmanager's base URL, e.g. {@code http://host:9093}, with
 * its path prefix if it runs under one), {@code timeout} (default 5s), {@code headers} (for an authenticating proxy).
 */
public final class AlertmanagerSinkProvider implements AlertSinkProvider {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final String ALERTS_PATH = "/api/v2/alerts";

    @Override
    public String type() {
        return "alertmanager";
    }

    @Override
    public AlertSink create(SinkSpec spec, SinkContext context) {
        SinkOptions options = SinkOptions.of(spec, Set.of("url", "timeout", "headers"));
        URI base = options.httpUrl("url").orElseThrow(() -> options.invalid("url", "is required"));
        if (base.getRawQuery() != null || base.getRawFragment() != null) {
            throw options.invalid("url", "must be Alertmanager's base URL without query or fragment, got '" + base + "'");
        }
        Duration timeout = options.duration("timeout", DEFAULT_TIMEOUT);
        Map<String, String> headers = options.httpHeaders("headers");
        return new AlertmanagerSink(spec.name(), alertsEndpoint(base),
                new JsonPoster(spec.name(), context.vertx(), timeout, headers));
    }

    private static URI alertsEndpoint(URI base) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + ALERTS_PATH);
    }
}
