package io.seismo.daemon.config;

import io.seismo.sink.SinkSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the daemon reads from {@code seismo.yaml}, validated. Tokens are secrets: never log this record whole.
 */
public record DaemonConfig(
        String listenHost,
        int listenPort,
        int maxBodyBytes,
        List<String> tokens,
        Path dataDir,
        int ringSize,
        int parseThreads,
        boolean journalFsync,
        Path rulesDir,
        List<SourceRule> sources,
        ParserChoice defaultParser,
        Duration allowedLateness,
        Duration idleTimeout,
        Duration traceGap,
        int maxOpenTraces,
        Duration groupWait,
        Duration repeatInterval,
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
                journalFsync, rulesDir, sources, defaultParser, allowedLateness, idleTimeout, traceGap,
                maxOpenTraces, groupWait, repeatInterval, externalUrl, sinks);
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
