package io.seismo.sink.webhook;

import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertSinkProvider;
import io.seismo.sink.SinkContext;
import io.seismo.sink.SinkOptions;
import io.seismo.sink.SinkSpec;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code type: webhook}, options {@code url} (required, http or https), {@code timeout} (default 5s), {@code headers}. */
public final class WebhookSinkProvider implements AlertSinkProvider {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** RFC 9110 token characters: anything else in a header name would fail only at send time. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public AlertSink create(SinkSpec spec, SinkContext context) {
        SinkOptions options = SinkOptions.of(spec, Set.of("url", "timeout", "headers"));
        URI url = options.httpUrl("url").orElseThrow(() -> options.invalid("url", "is required"));
        Map<String, String> headers = options.stringMap("headers");
        headers.forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches() || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw options.invalid("headers", "entry '" + name + "' is not a valid HTTP header");
            }
        });
        return new WebhookSink(spec.name(), url, options.duration("timeout", DEFAULT_TIMEOUT), headers,
                context.vertx());
    }
}
