package io.seismo.dist.demo;

import static io.seismo.dist.demo.WrittenLogs.byTrace;
import static io.seismo.dist.demo.WrittenLogs.errors;
import static io.seismo.dist.demo.WrittenLogs.oneTo;
import static io.seismo.dist.demo.WrittenLogs.read;
import static io.seismo.dist.demo.WrittenLogs.readAll;
import static io.seismo.dist.demo.WrittenLogs.seqs;
import static io.seismo.dist.demo.WrittenLogs.service;
import static io.seismo.dist.demo.WrittenLogs.timestamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficGeneratorTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final int REQUESTS_PER_SECOND = 200;
    private static final Set<String> PAYMENT_PATH = Set.of("payments-db", "payments", "checkout", "gateway");

    @TempDir
    Path dir;

    private final ServiceGraph graph = ServiceGraph.demo();

    @Test
    void shouldWriteOneLogFilePerService() throws IOException {
        try (TrafficGenerator generator = start(1)) {
            await().atMost(PATIENCE).until(() -> graph.services().stream()
                    .allMatch(service -> !read(generator.logFile(service)).isEmpty()));

            assertThat(generator.logFile("payments-db")).isEqualTo(dir.resolve("payments-db.log"));
        }
        assertThat(dir).isDirectoryContaining("glob:**/gateway.log");
    }

    @Test
    void shouldWriteJsonLinesWithOpenTelemetryFieldsAndConsecutiveSeq() throws IOException {
        try (TrafficGenerator generator = start(2)) {
            awaitLines(generator, 40);
        }

        for (String service : graph.services()) {
            List<JsonNode> lines = read(dir.resolve(service + ".log"));
            assertThat(seqs(lines)).as("seq of %s", service).isEqualTo(oneTo(lines.size()));
            assertThat(lines).allSatisfy(line -> {
                assertThat(line.path("@timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
                assertThat(line.path("level").asText()).isIn("INFO", "WARN", "ERROR");
                assertThat(service(line)).isEqualTo(service);
                assertThat(line.path("trace_id").asText()).matches("[0-9a-f]{32}");
                assertThat(line.path("span_id").asText()).matches("[0-9a-f]{16}");
                assertThat(line.path("message").asText()).isNotBlank();
            });
            assertThat(lines).anySatisfy(line -> {
                assertThat(line.path("duration_ms").isIntegralNumber()).isTrue();
                assertThat(line.has("http.status")).isEqualTo(!"payments-db".equals(service));
            });
        }
    }

    @Test
    void shouldLinkEveryLineOfATraceToItsCallersSpan() throws IOException {
        try (TrafficGenerator generator = start(3)) {
            awaitLines(generator, 40);
        }

        Map<String, List<JsonNode>> traces = byTrace(readAll(dir, graph.services()));
        assertThat(traces).hasSizeGreaterThan(40);
        traces.forEach((traceId, lines) -> {
            Map<String, JsonNode> spans = new HashMap<>();
            lines.forEach(line -> spans.putIfAbsent(line.path("span_id").asText(), line));
            for (JsonNode line : lines) {
                if ("gateway".equals(service(line))) {
                    assertThat(line.has("parent_span_id")).as("the gateway starts trace %s", traceId).isFalse();
                    continue;
                }
                JsonNode caller = spans.get(line.path("parent_span_id").asText());
                assertThat(caller).as("caller of %s in trace %s", line, traceId).isNotNull();
                assertThat(graph.callees(service(caller))).contains(service(line));
                assertThat(timestamp(line)).isAfterOrEqualTo(timestamp(caller));
            }
        });
    }

    @Test
    void shouldPropagateABrokenDatabaseToTheGatewayInTheSameTracesAndStopAfterHeal() {
        try (TrafficGenerator generator = start(4)) {
            generator.breakService("payments-db");
            await().atMost(PATIENCE).until(() -> !failingPaymentTraces().isEmpty());

            assertThat(errors(read(dir.resolve("auth.log")))).isZero();
            assertThat(errors(read(dir.resolve("catalog.log")))).isZero();

            generator.heal();
            Instant healed = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            // A trace stamped after `healed` started after heal() returned, so it must be healthy.
            await().atMost(PATIENCE).until(() -> tracesReachingPaymentsDbAfter(healed).size() >= 20);

            assertThat(tracesReachingPaymentsDbAfter(healed))
                    .allSatisfy(lines -> assertThat(lines).noneMatch(WrittenLogs::isError));
        }
    }

    @Test
    void shouldRejectBreakingAServiceThatDoesNotExist() {
        try (TrafficGenerator generator = start(5)) {
            assertThatThrownBy(() -> generator.breakService("billing"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown service 'billing'");
            assertThat(generator.brokenServices()).isEmpty();
        }
    }

    @Test
    void shouldReportTheLinesWrittenPerService() {
        TrafficGenerator generator = start(6);
        try (generator) {
            awaitLines(generator, 10);
        }

        assertThat(generator.stats()).containsOnlyKeys(graph.services()).isEqualTo(countsOnDisk());
    }

    @Test
    void shouldContinueSeqWhenRestartedOnTheSameFiles() throws IOException {
        Path gateway = dir.resolve("gateway.log");
        try (TrafficGenerator generator = start(7)) {
            awaitLines(generator, 10);
        }
        int firstRun = read(gateway).size();
        Files.writeString(gateway, "{\"torn\":", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (TrafficGenerator generator = start(7)) {
            await().atMost(PATIENCE).until(() -> generator.stats().get("gateway") > 10);
        }

        List<String> raw = Files.readAllLines(gateway, StandardCharsets.UTF_8);
        assertThat(raw.get(firstRun)).isEqualTo("{\"torn\":");
        raw.remove(firstRun);
        Files.write(gateway, raw, StandardCharsets.UTF_8);
        List<JsonNode> lines = read(gateway);
        assertThat(seqs(lines)).isEqualTo(oneTo(lines.size()));
    }

    private TrafficGenerator start(long seed) {
        try {
            return TrafficGenerator.start(new GeneratorOptions(dir, REQUESTS_PER_SECOND, seed));
        } catch (IOException e) {
            throw new AssertionError("cannot start the generator in " + dir, e);
        }
    }

    private void awaitLines(TrafficGenerator generator, long perService) {
        await().atMost(PATIENCE).until(() -> generator.stats().values().stream().allMatch(n -> n >= perService));
    }

    private Map<String, Long> countsOnDisk() {
        return graph.services().stream().collect(Collectors.toMap(
                service -> service, service -> (long) read(dir.resolve(service + ".log")).size()));
    }

    /** Traces in which every service on the payment path logged an error. */
    private List<List<JsonNode>> failingPaymentTraces() {
        return byTrace(readAll(dir, graph.services())).values().stream()
                .filter(lines -> lines.stream().filter(WrittenLogs::isError).map(WrittenLogs::service)
                        .collect(Collectors.toSet()).containsAll(PAYMENT_PATH))
                .toList();
    }

    /** Complete traces (the gateway answered) that reached payments-db and started after {@code instant}. */
    private List<List<JsonNode>> tracesReachingPaymentsDbAfter(Instant instant) {
        return byTrace(readAll(dir, graph.services())).values().stream()
                .filter(lines -> lines.stream().anyMatch(line -> "payments-db".equals(service(line))))
                .filter(lines -> lines.stream().anyMatch(line -> "gateway".equals(service(line))
                        && line.has("duration_ms")))
                .filter(lines -> lines.stream().filter(line -> "gateway".equals(service(line)))
                        .allMatch(line -> timestamp(line).isAfter(instant)))
                .toList();
    }
}
