package io.seismo.daemon.config;

import io.seismo.daemon.route.RateLimit;

import java.util.List;

/** One entry of {@code alerting.receivers}: a name routes point at, the sinks it sends to, an optional rate limit. */
public record ReceiverConfig(String name, List<String> sinks, RateLimit rateLimit) {
    public ReceiverConfig {
        sinks = List.copyOf(sinks);
    }
}
