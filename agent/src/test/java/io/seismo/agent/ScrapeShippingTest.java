package io.seismo.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seismo.agent.checkpoint.CheckpointStore;
import io.seismo.agent.checkpoint.ScrapeCheckpoint;
import io.seismo.agent.config.AgentConfig;
import io.seismo.agent.config.BatchLimits;
import io.seismo.agent.config.RetryBackoff;
import io.seismo.agent.config.ScrapeTarget;
import io.seismo.agent.testing.Answer;
import io.seismo.agent.testing.FakeDaemon;
import io.seismo.agent.testing.MetricsEndpoint;
import io.seismo.agent.testing.ReceivedBatch;
import io.seismo.agent.testing.ReceivedLine;
import io.seismo.agent.testing.TestAgents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The agent scrapes a real local endpoint and ships the samples to a fake daemon through the log lines' path. */
class ScrapeShippingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXPOSITION = """
            # HELP db_pool_in_use Connections in use.
            # TYPE db_pool_in_use gauge
            db_pool_in_use{pool="main"} 48
            # TYPE http_request_duration_seconds histogram
            http_request_duration_seconds_bucket{le="0.1"} 3
            http_request_duration_seconds_bucket{le="+Inf"} 5
            http_request_duration_seconds_sum 1.5
            http_request_duration_seconds_count 5
            """;

    @TempDir
    Path dir;

    private FakeDaemon daemon;
    private MetricsEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        daemon = FakeDaemon.start();
        endpoint = MetricsEndpoint.start();
        endpoint.serve(EXPOSITION);
    }

    @AfterEach
    void stop() throws Exception {
        endpoint.close();
        daemon.close();
    }

    @Test
    void shouldShipEachSampleAsAMetricLineWithSequenceOffsetsAndCheckpointThem() throws Exception {
        AgentConfig config = scrapingConfig();
        try (Agent agent = Agent.start(config)) {
            await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() >= 10);
            await().atMost(TestAgents.WAIT).until(() -> agent.stats().scrapes().ackedSequences()
                    .get(endpoint.url().toString()) >= 10);
        }
        List<ReceivedLine> lines = daemon.acceptedLines();
        assertThat(lines).extracting(ReceivedLine::offset)
                .as("samples are numbered 0, 1, 2, … across scrapes and batches")
                .containsExactlyElementsOf(LongStream.range(0, lines.size()).boxed().toList());
        ReceivedBatch first = daemon.accepted().get(0);
        assertThat(first.header("Seismo-Kind")).isEqualTo("metric");
        assertThat(first.header("Seismo-Source")).isEqualTo("scrape:" + endpoint.url());
        assertThat(first.header("Seismo-Service")).isEqualTo("db");
        assertThat(first.header("Seismo-Path")).isEqualTo("scrape:" + endpoint.url());

        JsonNode pool = JSON.readTree(lines.get(0).text());
        assertThat(pool.get("metric").asText()).isEqualTo("db_pool_in_use");
        assertThat(pool.get("value").asDouble()).isEqualTo(48.0);
        assertThat(pool.get("type").asText()).isEqualTo("gauge");
        assertThat(JSON.convertValue(pool.get("labels"), Map.class)).isEqualTo(Map.of("pool", "main", "env", "test"));
        assertThat(pool.get("ts").asLong()).isPositive();
        JsonNode infBucket = JSON.readTree(lines.get(2).text());
        assertThat(infBucket.get("metric").asText()).isEqualTo("http_request_duration_seconds_bucket");
        assertThat(infBucket.get("labels").get("le").asText()).isEqualTo("+Inf");
        assertThat(infBucket.get("type").asText()).isEqualTo("histogram");

        ScrapeCheckpoint saved = new CheckpointStore(config.stateDir()).load().scrapes().get(0);
        assertThat(saved.source()).isEqualTo("scrape:" + endpoint.url());
        assertThat(saved.ackedSequence()).as("the agent acknowledged what the daemon took, and no more")
                .isBetween(10L, (long) lines.size());
        assertThat(saved.reservedSequence()).isGreaterThanOrEqualTo(lines.size());
    }

    @Test
    void shouldNeverReuseASampleNumberAfterARestart() throws Exception {
        AgentConfig config = scrapingConfig();
        try (Agent agent = Agent.start(config)) {
            await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() >= 4);
        }
        long reserved = new CheckpointStore(config.stateDir()).load().scrapes().get(0).reservedSequence();
        int before = daemon.acceptedLines().size();

        try (Agent agent = Agent.start(config)) {
            await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() >= before + 4);
        }

        assertThat(daemon.acceptedLines().subList(before, daemon.acceptedLines().size()))
                .extracting(ReceivedLine::offset)
                .as("numbers continue past everything reserved before, so the daemon's dedupe drops nothing new")
                .allMatch(offset -> offset >= reserved);
    }

    @Test
    void shouldCountFailedScrapesAndRetryTheDaemonWithoutLosingSamples() {
        endpoint.answerStatus(500);
        daemon.answer(Answer.status(503));
        try (Agent agent = Agent.start(scrapingConfig())) {
            await().atMost(TestAgents.WAIT).until(() -> agent.stats().scrapes().failed() >= 2);
            assertThat(agent.stats().scrapes().samples()).isZero();

            endpoint.answerStatus(200);
            await().atMost(TestAgents.WAIT).until(() -> agent.stats().scrapes().samples() >= 4);
            await().atMost(TestAgents.WAIT).until(() -> agent.stats().retries() >= 1);
            daemon.answer(Answer.ok());
            await().atMost(TestAgents.WAIT).until(() -> daemon.acceptedLines().size() >= 4);

            List<ReceivedLine> lines = daemon.acceptedLines();
            assertThat(lines).extracting(ReceivedLine::offset)
                    .containsExactlyElementsOf(LongStream.range(0, lines.size()).boxed().toList());
        }
    }

    private AgentConfig scrapingConfig() {
        return AgentConfig.builder(daemon.url(), FakeDaemon.TOKEN)
                .agentId("test-agent")
                .host("test-host")
                .stateDir(dir.resolve("state"))
                .pollInterval(Duration.ofMillis(20))
                .batch(new BatchLimits(3, 64 * 1024, Duration.ofMillis(20)))
                .retry(new RetryBackoff(Duration.ofMillis(20), Duration.ofMillis(200)))
                .scrape(new ScrapeTarget(endpoint.url(), Duration.ofMillis(100), Duration.ofMillis(100), "db",
                        Map.of("env", "test")))
                .build();
    }
}
