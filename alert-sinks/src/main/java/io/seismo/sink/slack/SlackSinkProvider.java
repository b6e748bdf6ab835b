package io.seismo.sink.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.seismo.sink.AlertSink;
import io.seismo.sink.AlertSinkProvider;
import io.seismo.sink.SinkContext;
import io.seismo.sink.SinkOptions;
import io.seismo.sink.SinkSpec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code type: slack}, in one of two modes. With a bot token: {@code token} or {@code tokenFile} (safer: keeps the
 * secret out of the config), {@code channel} (required), {@code apiUrl} (the methods endpoint prefix, for proxies
 * and tests); resolves are threaded under their firing message. With an incoming webhook: {@code webhookUrl} or
 * {@code webhookUrlFile} instead of token and channel (the webhook fixes the channel); resolves are new messages.
 * Both: {@code timeout} (per call, default 10s).
 */
public final class SlackSinkProvider implements AlertSinkProvider {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String type() {
        return "slack";
    }

    @Override
    public AlertSink create(SinkSpec spec, SinkContext context) {
        SinkOptions options = SinkOptions.of(spec, Set.of("token", "tokenFile", "channel", "apiUrl", "timeout",
                "webhookUrl", "webhookUrlFile"));
        Duration timeout = options.duration("timeout", DEFAULT_TIMEOUT);
        Optional<String> webhookUrl = options.secret("webhookUrl", "webhookUrlFile");
        if (webhookUrl.isPresent()) {
            for (String botOption : List.of("token", "tokenFile", "channel", "apiUrl")) {
                if (spec.options().containsKey(botOption)) {
                    throw options.invalid(botOption, "belongs to the bot-token mode and cannot be combined with an"
                            + " incoming webhook (the webhook fixes the channel)");
                }
            }
            options.asHttpUrl("webhookUrl", webhookUrl.get());
            return new SlackWebhookSink(spec.name(), webhookUrl.get(), Slack.getInstance(config(timeout)));
        }
        String token = options.requiredSecret("token", "tokenFile");
        String channel = options.requiredString("channel");

        SlackConfig config = config(timeout);
        options.httpUrl("apiUrl").ifPresent(url -> {
            String prefix = url.toString();
            config.setMethodsEndpointUrlPrefix(prefix.endsWith("/") ? prefix : prefix + "/");
        });
        return new SlackSink(spec.name(), channel, token, Slack.getInstance(config));
    }

    private static SlackConfig config(Duration timeout) {
        SlackConfig config = new SlackConfig();
        // No per-team call statistics: they make the SDK call auth.test on its own to learn the team id.
        config.setStatsEnabled(false);
        config.setHttpClientCallTimeoutMillis((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        return config;
    }
}
