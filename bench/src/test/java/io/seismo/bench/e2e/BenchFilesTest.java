package io.seismo.bench.e2e;

import io.seismo.agent.config.AgentConfig;
import io.seismo.agent.config.AgentConfigLoader;
import io.seismo.agent.config.BatchLimits;
import io.seismo.daemon.config.DaemonConfig;
import io.seismo.daemon.config.DaemonConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchFilesTest {
    private static final List<String> PACKAGED = List.of("-Xmx4g", "-XX:+UseG1GC", "-XX:MaxTenuringThreshold=1");

    @Test
    void shouldAddTheExtraOptionsAfterThePackagedOnes() {
        assertThat(BenchFiles.withExtraOptions(PACKAGED, " -Xlog:gc  -XX:+AlwaysPreTouch "))
                .containsExactly("-Xmx4g", "-XX:+UseG1GC", "-XX:MaxTenuringThreshold=1", "-Xlog:gc",
                        "-XX:+AlwaysPreTouch");
        assertThat(BenchFiles.withExtraOptions(PACKAGED, null)).isEqualTo(PACKAGED);
        assertThat(BenchFiles.withExtraOptions(PACKAGED, "  ")).isEqualTo(PACKAGED);
    }

    @TempDir
    Path work;

    @Test
    void shouldGiveTheAgentThePollIntervalAndLingerOfTheModeOrOfAgentLinger() throws IOException {
        assertThat(agentReads("--rate", "1000").pollInterval()).isEqualTo(Duration.ofMillis(20));
        assertThat(agentReads("--rate", "1000").batch().linger()).isEqualTo(Duration.ofMillis(20));
        assertThat(agentReads("--mode", "agent").pollInterval()).isEqualTo(AgentConfig.DEFAULT_POLL_INTERVAL);
        assertThat(agentReads("--mode", "agent").batch().linger()).isEqualTo(BatchLimits.DEFAULT.linger());

        AgentConfig lingering = agentReads("--rate", "1000", "--agent-linger", "5");
        assertThat(lingering.pollInterval()).isEqualTo(Duration.ofMillis(5));
        assertThat(lingering.batch().linger()).isEqualTo(Duration.ofMillis(5));
        assertThat(lingering.batch().maxLines()).isEqualTo(10_000);
        assertThat(agentReads("--mode", "agent", "--agent-linger", "50").batch().linger()).isEqualTo(Duration.ofMillis(50));

        assertThatThrownBy(() -> E2eOptions.parse(new String[] {"--agent-linger", "0"}, work))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 ms");
    }

    @Test
    void shouldGiveTheDaemonTheParseThreadsOfTheRunOrLeaveItsDefault() throws IOException {
        assertThat(daemonReads("--rate", "1000").parseThreads()).isEqualTo(1);
        assertThat(daemonReads("--rate", "1000", "--parse-threads", "0").parseThreads()).isZero();
        assertThat(BenchFiles.daemonSettings(0)).startsWith("pipeline.parseThreads 0, ");
        assertThat(BenchFiles.daemonSettings(null)).doesNotContain("parseThreads");
        assertThatThrownBy(() -> E2eOptions.parse(new String[] {"--parse-threads", "-1"}, work))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 or more");
    }

    /** The seismo.yaml a run with these arguments writes, as the daemon itself reads it. */
    private DaemonConfig daemonReads(String... args) throws IOException {
        E2eOptions options = E2eOptions.parse(args, work);
        Path config = BenchFiles.daemonConfig(work, 4242, 1, 100, options.parseThreads(), "http://127.0.0.1:4243/hook");
        return new DaemonConfigLoader(Map.of()).load(config);
    }

    /** The agent.yaml a run with these arguments writes, as the agent itself reads it. */
    private AgentConfig agentReads(String... args) throws IOException {
        Path config = BenchFiles.agentConfig(work, 4242, E2eOptions.parse(args, work).agentTiming());
        return new AgentConfigLoader(Map.of()).load(config);
    }

    @Test
    void shouldLetACollectorChosenInTheExtraOptionsReplaceThePackagedOne() {
        assertThat(BenchFiles.withExtraOptions(PACKAGED, "-XX:+UseZGC"))
                .containsExactly("-Xmx4g", "-XX:MaxTenuringThreshold=1", "-XX:+UseZGC");
    }
}
