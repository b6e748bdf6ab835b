package io.seismo.agent.config;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the agent needs to run, validated on construction: each bad value fails with a message naming
 * its key. Load one from YAML with {@link AgentConfigLoader}, or build one in code with {@link #builder}.
 *
 * @param agentId            sent as {@code Seismo-Agent}; with the file identity it keys the daemon's dedupe
 * @param host               sent as {@code Seismo-Host}
 * @param daemon             where batches go
 * @param stateDir           holds the acknowledged-offsets checkpoint (one agent per folder)
 * @param pollInterval       how often files are rediscovered and read
 * @param maxLineBytes       longer lines are cut to this many bytes, flagged and counted
 * @param batch              batch size and linger
 * @param retry              backoff bounds between delivery attempts
 * @param inputs             what to tail
 * @param maxInFlightBatches requests outstanding at once over all files; bounds memory when the daemon is slow
 * @param closeInactive      a file no longer matched by any glob (renamed away, deleted) is read on until it
 *                           has been quiet this long and all it sent is acknowledged, then closed
 * @param forgetAfter        the checkpoint forgets a file identity not seen for this long
 * @param scrapes            Prometheus text-format endpoints to scrape and ship as metric samples
 * @param metricsListen      where the agent serves its own {@code /metrics}; null (the default) serves none, so
 *                           that several agents on one host never fight over a port
 */
public record AgentConfig(
        String agentId,
        String host,
        DaemonEndpoint daemon,
        Path stateDir,
        Duration pollInterval,
        int maxLineBytes,
        BatchLimits batch,
        RetryBackoff retry,
        List<InputSpec> inputs,
        int maxInFlightBatches,
        Duration closeInactive,
        Duration forgetAfter,
        List<ScrapeTarget> scrapes,
        InetSocketAddress metricsListen) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);
    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_IN_FLIGHT = 4;
    public static final Duration DEFAULT_CLOSE_INACTIVE = Duration.ofMinutes(1);
    public static final Duration DEFAULT_FORGET_AFTER = Duration.ofHours(24);

    public AgentConfig {
        ConfigChecks.notBlank("agentId", agentId);
        ConfigChecks.notBlank("host", host);
        ConfigChecks.present("daemon", daemon);
        ConfigChecks.present("stateDir", stateDir);
        ConfigChecks.positive("pollInterval", pollInterval);
        ConfigChecks.atLeast("maxLineBytes", maxLineBytes, 16);
        ConfigChecks.present("batch", batch);
        ConfigChecks.present("retry", retry);
        ConfigChecks.present("inputs", inputs);
        ConfigChecks.present("scrape", scrapes);
        if (inputs.isEmpty() && scrapes.isEmpty()) {
            throw new AgentConfigException("inputs", "must list at least one input (paths and service), "
                    + "unless scrape lists a target");
        }
        inputs = List.copyOf(inputs);
        scrapes = List.copyOf(scrapes);
        if (scrapes.stream().map(ScrapeTarget::url).distinct().count() < scrapes.size()) {
            throw new AgentConfigException("scrape", "lists the same url twice");
        }
        ConfigChecks.atLeast("maxInFlightBatches", maxInFlightBatches, 1);
        ConfigChecks.positive("closeInactive", closeInactive);
        ConfigChecks.positive("forgetAfter", forgetAfter);
    }

    /** A builder with every default filled in; only the daemon and at least one input are required. */
    public static Builder builder(URI daemonUrl, String token) {
        return new Builder(new DaemonEndpoint(daemonUrl, token));
    }

    /** Builds an {@link AgentConfig} in code (tests, the demo); {@link #build()} runs the same checks as YAML. */
    public static final class Builder {
        private final List<InputSpec> inputs = new ArrayList<>();
        private final List<ScrapeTarget> scrapes = new ArrayList<>();
        private InetSocketAddress metricsListen;
        private DaemonEndpoint daemon;
        private String agentId;
        private String host;
        private Path stateDir = Path.of("agent-state");
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
        private BatchLimits batch = BatchLimits.DEFAULT;
        private RetryBackoff retry = RetryBackoff.DEFAULT;
        private int maxInFlightBatches = DEFAULT_MAX_IN_FLIGHT;
        private Duration closeInactive = DEFAULT_CLOSE_INACTIVE;
        private Duration forgetAfter = DEFAULT_FORGET_AFTER;

        private Builder(DaemonEndpoint daemon) {
            this.daemon = daemon;
        }

        public Builder daemon(DaemonEndpoint value) {
            this.daemon = value;
            return this;
        }

        public Builder agentId(String value) {
            this.agentId = value;
            return this;
        }

        public Builder host(String value) {
            this.host = value;
            return this;
        }

        public Builder stateDir(Path value) {
            this.stateDir = value;
            return this;
        }

        public Builder pollInterval(Duration value) {
            this.pollInterval = value;
            return this;
        }

        public Builder maxLineBytes(int value) {
            this.maxLineBytes = value;
            return this;
        }

        public Builder batch(BatchLimits value) {
            this.batch = value;
            return this;
        }

        public Builder retry(RetryBackoff value) {
            this.retry = value;
            return this;
        }

        /** Adds an input: files matching {@code glob} (absolute, or relative to the working directory). */
        public Builder input(String glob, String service) {
            inputs.add(new InputSpec(List.of(glob), service));
            return this;
        }

        public Builder input(InputSpec value) {
            inputs.add(value);
            return this;
        }

        public Builder maxInFlightBatches(int value) {
            this.maxInFlightBatches = value;
            return this;
        }

        public Builder closeInactive(Duration value) {
            this.closeInactive = value;
            return this;
        }

        public Builder forgetAfter(Duration value) {
            this.forgetAfter = value;
            return this;
        }

        public Builder scrape(ScrapeTarget value) {
            scrapes.add(value);
            return this;
        }

        /** Serves the agent's {@code /metrics} there (port 0: any free port); null serves none. */
        public Builder metricsListen(InetSocketAddress value) {
            this.metricsListen = value;
            return this;
        }

        public AgentConfig build() {
            String localName = agentId == null || host == null ? HostName.local() : null;
            return new AgentConfig(agentId == null ? localName : agentId, host == null ? localName : host, daemon,
                    stateDir, pollInterval, maxLineBytes, batch, retry, inputs, maxInFlightBatches, closeInactive,
                    forgetAfter, scrapes, metricsListen);
        }
    }
}
