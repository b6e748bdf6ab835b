package io.seismo.agent.testing;

import io.seismo.agent.config.AgentConfig;
import io.seismo.agent.config.BatchLimits;
import io.seismo.agent.config.RetryBackoff;

import java.nio.file.Path;
import java.time.Duration;

/** Agent configs tuned for tests: fast polls, short linger and backoff, pointed at a {@link FakeDaemon}. */
public final class TestAgents {
    public static final Duration WAIT = Duration.ofSeconds(20);

    private TestAgents() {
    }

    public static AgentConfig.Builder config(FakeDaemon daemon, Path stateDir, String glob, String service) {
        return AgentConfig.builder(daemon.url(), FakeDaemon.TOKEN)
                .agentId("test-agent")
                .host("test-host")
                .stateDir(stateDir)
                .pollInterval(Duration.ofMillis(20))
                .batch(new BatchLimits(100, 64 * 1024, Duration.ofMillis(20)))
                .retry(new RetryBackoff(Duration.ofMillis(20), Duration.ofMillis(200)))
                .input(glob, service);
    }
}
