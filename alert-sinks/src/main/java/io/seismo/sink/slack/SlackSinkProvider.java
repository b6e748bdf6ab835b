package io.seismo.sink.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertSinkProvider;
import io.seismo.sink.SinkContext;
import io.seismo.sink.SinkOptions;
import io.seismo.sink.SinkSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * {@code type: slack}: {@code token} (a bot token) or {@code tokenFile} (safer: keeps the secret out of the
 * config), {@code channel} (required), {@code apiUrl} (the methods endpoint prefix, for proxies and tests),
 * {@code timeout} (per call, default 10s).
 */
public final class SlackSinkProvider implements AlertSinkProvider {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String type() {
        return "slack";
    }

    @Override
    public AlertSink create(SinkSpec spec, SinkContext context) {
        SinkOptions options = SinkOptions.of(spec, Set.of("token", "tokenFile", "channel", "apiUrl", "timeout"));
        String token = token(options);
        String channel = options.requiredString("channel");
        Duration timeout = options.duration("timeout", DEFAULT_TIMEOUT);

        SlackConfig config = new SlackConfig();
        options.httpUrl("apiUrl").ifPresent(url -> {
            String prefix = url.toString();
            config.setMethodsEndpointUrlPrefix(prefix.endsWith("/") ? prefix : prefix + "/");
        });
        // No per-team call statistics: they make the SDK call auth.test on its own to learn the team id.
        config.setStatsEnabled(false);
        config.setHttpClientCallTimeoutMillis((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        return new SlackSink(spec.name(), channel, token, Slack.getInstance(config));
    }

    private static String token(SinkOptions options) {
        Optional<String> inline = options.string("token");
        Optional<String> file = options.string("tokenFile");
        if (inline.isPresent() && file.isPresent()) {
            throw options.invalid("tokenFile", "cannot be combined with option 'token': give one of them");
        }
        if (inline.isPresent()) {
            return inline.get();
        }
        String path = file.orElseThrow(() -> options.invalid("token", "is required (or give 'tokenFile')"));
        String token;
        try {
            token = Files.readString(Path.of(path)).strip();
        } catch (IOException | InvalidPathException e) {
            throw options.invalid("tokenFile", "cannot be read: " + e);
        }
        if (token.isEmpty()) {
            throw options.invalid("tokenFile", "names an empty file: " + path);
        }
        return token;
    }
}
