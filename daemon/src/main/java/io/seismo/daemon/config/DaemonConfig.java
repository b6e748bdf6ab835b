package io.seismo.daemon.config;

import io.seismo.rules.engine.TimeMode;
import io.seismo.sink.SinkSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the daemon reads from {@code seismo.yaml}, validated. Tokens are secrets: never log this record whole.
 *
 * @param rulesWatchInterval how often the rules folder is checked for changed files, which are then reloaded;
 *                           zero turns the watching off (SIGHUP and {@code POST /v1/reload} still work)
 * @param timeMode           {@code engine.timeMode}: windows on the lines' own time (event) or on receive time
 */
public record DaemonConfig(
        String listenHost,
        int listenPort,
        int maxBodyBytes,
        List<String> tokens,
        Path dataDir,
        int ringSize,
        int parseThreads,
        DurabilityConfig durability,
        Path rulesDir,
        Duration rulesWatchInterval,
        List<SourceRule> sources,
        ParserChoice defaultParser,
        Duration allowedLateness,
        Duration idleTimeout,
        Duration traceGap,
        int maxOpenTraces,
        TimeMode timeMode,
        AlertingConfig alerting,
        String externalUrl,
        List<SinkSpec> sinks) {

    public DaemonConfig {
        tokens = List.copyOf(tokens);
        sources = List.copyOf(sources);
        sinks = List.copyOf(sinks);
    }

    /** Returns this config listening on another port (0 picks a free one). */
    public DaemonConfig withListenPort(int port) {
        return new DaemonConfig(listenHost, port, maxBodyBytes, tokens, dataDir, ringSize, parseThreads,
                durability, rulesDir, rulesWatchInterval, sources, defaultParser, allowedLateness, idleTimeout, traceGap,
                maxOpenTraces, timeMode, alerting, externalUrl, sinks);
    }

    /** {@code alerting.groupWait}; kept for callers written before {@link AlertingConfig}. */
    public Duration groupWait() {
        return alerting.groupWait();
    }

    /** {@code alerting.repeatInterval}; kept for callers written before {@link AlertingConfig}. */
    public Duration repeatInterval() {
        return alerting.repeatInterval();
    }

    /** The parser settings for a batch from this service and path. */
    public ParserChoice parserFor(String service, String path) {
        for (SourceRule rule : sources) {
            if (rule.matches(service, path)) {
                return rule.parser();
            }
        }
        return defaultParser;
    }
}
