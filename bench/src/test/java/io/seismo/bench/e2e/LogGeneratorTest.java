package io.seismo.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogGeneratorTest {

    @Test
    void shouldWriteAsFarAheadOfDeliveryAsTheBacklogAllowsAndNoFurther(@TempDir Path dir) throws Exception {
        Path log = Files.createFile(dir.resolve("app.log"));
        AtomicLong delivered = new AtomicLong();
        try (LogGenerator generator = new LogGenerator(List.of(log), Rate.MAX, new Backlog(500, delivered::get), 1_000)) {
            generator.start();
            await(() -> generator.linesWritten() >= 500);
            Thread.sleep(300); // the generator keeps trying the whole time
            assertWrittenUpTo(generator, 500);

            delivered.set(300);
            await(() -> generator.linesWritten() >= 800);
            Thread.sleep(100);
            assertWrittenUpTo(generator, 800);
        }
        assertThat(Files.readAllLines(log)).hasSizeGreaterThanOrEqualTo(800).allMatch(line -> line.startsWith("{\"@timestamp\""));
    }

    @Test
    void shouldWriteSpansWhoseIdsServicesAndParentsFollowTheirTrace(@TempDir Path dir) throws Exception {
        Path log = Files.createFile(dir.resolve("app.log"));
        int traceKeys = 1_000;
        Map<String, Long> keyByTraceId = new HashMap<>();
        for (long key = 0; key < traceKeys; key++) {
            keyByTraceId.put(hex(GeneratedLines.traceIdHigh(key)) + hex(GeneratedLines.TRACE_ID_LOW), key);
        }
        try (LogGenerator generator = new LogGenerator(List.of(log), Rate.MAX, new Backlog(3_000, () -> 0), traceKeys)) {
            generator.start();
            await(() -> generator.linesWritten() >= 3_000);
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3_000);
        ObjectMapper json = new ObjectMapper();
        int spans = 0;
        int children = 0;
        int errors = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = json.readTree(lines.get(i));
            assertThat(line.get("seq").asLong()).as("line %d", i).isEqualTo(i);
            if (line.has(GeneratedLines.PROBE)) {
                continue;
            }
            spans++;
            assertThat(line.get("@timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z");
            Long key = keyByTraceId.get(line.get("trace_id").asText());
            assertThat(key).as("the trace of line %d", i).isNotNull();
            int tier = tierOf(key, line.get("span_id").asText());
            assertThat(line.get("service.name").asText()).isEqualTo(GeneratedLines.serviceName(GeneratedLines.service(key, tier)));
            if (tier == 0) {
                assertThat(line.has("parent_span_id")).isFalse();
            } else {
                assertThat(line.get("parent_span_id").asText()).isEqualTo(hex(GeneratedLines.spanIdValue(key, tier - 1)));
            }
            boolean error = line.get("level").asText().equals("ERROR");
            assertThat(line.get("level").asText()).isIn("ERROR", "INFO");
            assertThat(line.get("message").asText()).startsWith(error ? "upstream timed out after " : "handled in ");
            assertThat(line.get("user").asText()).startsWith("user-");
            assertThat(line.get("route").asText()).startsWith("/api/v");
            children += tier > 0 ? 1 : 0;
            errors += error ? 1 : 0;
        }
        assertThat(spans).as("spans among %d lines (the rest are probes)", lines.size()).isGreaterThan(lines.size() * 9 / 10);
        assertThat(children).as("spans with a parent").isBetween(spans / 2, spans * 5 / 6);
        assertThat(errors).as("errors, 2 %% of spans").isBetween(1, spans / 10);
    }

    @Test
    void shouldLetAnUnboundedBacklogWriteWhateverIsDelivered() {
        assertThat(Backlog.UNBOUNDED.allowsAnother(Long.MAX_VALUE - 1)).isTrue();
        assertThat(new Backlog(10, () -> 5).allowsAnother(14)).isTrue();
        assertThat(new Backlog(10, () -> 5).allowsAnother(15)).isFalse();
        assertThatThrownBy(() -> new Backlog(-1, () -> 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReadTheBacklogBoundAndBindItOnlyForAPipelineFlatOut() {
        Path root = Path.of(".");
        assertThat(E2eOptions.parse(new String[] {"--rate", "max"}, root).maxBacklog()).isEqualTo(E2eOptions.DEFAULT_MAX_BACKLOG);
        assertThat(E2eOptions.parse(new String[] {"--max-backlog", "5000"}, root).bindsBacklog()).isTrue();
        assertThat(E2eOptions.parse(new String[] {"--max-backlog", "0"}, root).bindsBacklog()).isFalse();
        assertThat(E2eOptions.parse(new String[] {"--rate", "20000"}, root).bindsBacklog()).isFalse();
        assertThat(E2eOptions.parse(new String[] {"--mode", "agent"}, root).bindsBacklog()).isFalse();
    }

    /** Written up to the bound and stopped there: only probe lines (never held back) may be past it. */
    private static void assertWrittenUpTo(LogGenerator generator, long bound) {
        long written = generator.linesWritten();
        assertThat(written).isBetween(bound, bound + generator.probesWritten()); // probes counted after: never fewer
    }

    /** The tier whose span id {@code spanId} is in the trace of {@code key}. */
    private static int tierOf(long key, String spanId) {
        for (int tier = 0; tier < GeneratedLines.TIERS; tier++) {
            if (hex(GeneratedLines.spanIdValue(key, tier)).equals(spanId)) {
                return tier;
            }
        }
        throw new AssertionError("span " + spanId + " is none of trace " + key + "'s");
    }

    private static String hex(long value) {
        return String.format("%016x", value);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
