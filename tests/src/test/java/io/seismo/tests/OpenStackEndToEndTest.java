package io.seismo.tests;

import io.seismo.tests.harness.Cluster;
import io.seismo.tests.harness.Cluster.AgentInput;
import io.seismo.tests.harness.Datasets;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real OpenStack logs (Loghub) through a real agent and daemon with a regex parser: every line arrives and
 * parses, and the lines of one request id, written by nova-api and nova-compute, form one trace.
 */
class OpenStackEndToEndTest {
    /** The pattern a user would write for nova's log format; the README shows the same one. */
    static final String NOVA_PATTERN =
            "^(?<service>nova-[a-z]+)\\S* (?<time>\\S+ \\S+) \\d+ (?<level>[A-Z]+) (?<logger>\\S+) "
                    + "(\\[(?<traceId>req-[0-9a-f-]+)[^\\]]*\\] )?(?<message>.*)$";
    private static final Pattern SERVICE_AND_REQUEST = Pattern.compile("^(nova-[a-z]+)\\S* .*?\\[(req-[0-9a-f-]+)");

    @TempDir
    Path dir;

    @Test
    void shouldShipEveryLineAndCorrelateARequestAcrossNovaServices() throws Exception {
        List<String> lines = Files.readAllLines(Datasets.loghub("OpenStack_2k.log"), StandardCharsets.UTF_8);
        // The sample's last line has no newline. An agent never ships an unterminated line (the writer may be
        // in the middle of it), so the test tails a copy written the way a logger writes: every line ended.
        Path sample = dir.resolve("OpenStack_2k.log");
        Files.write(sample, lines, StandardCharsets.UTF_8);
        String sharedRequest = requestSeenBy(lines, "nova-api", "nova-compute");

        try (Cluster cluster = new Cluster(dir)) {
            cluster.startDaemon("""
                    sources:
                      - service: openstack
                        format: regex
                        pattern: '%s'
                        timeFormat: 'yyyy-MM-dd HH:mm:ss.SSS'
                    engine: { idleTimeout: 1s, traceGap: 25s }   # nova requests pause up to 20 s between steps
                    sinks: [ { type: stdout } ]
                    """.formatted(NOVA_PATTERN));
            cluster.awaitDaemonReady();
            cluster.startAgent(List.of(new AgentInput(sample.toString(), "openstack")));

            await("every line ingested").atMost(Duration.ofSeconds(60))
                    .until(() -> cluster.probe().metric("seismo_ingest_events_total") == lines.size());
            assertThat(cluster.probe().metricSum("seismo_parse_failures_total")).isZero();
            assertThat(cluster.probe().metric("seismo_ingest_malformed_lines_total")).isZero();
            JsonObject status = new JsonObject(cluster.probe().get("/v1/status").body());
            assertThat(status.getJsonArray("agents").getJsonObject(0).getString("agent")).isEqualTo("e2e-agent");
            assertThat(status.getJsonArray("agents").getJsonObject(0).getLong("lines")).isEqualTo(lines.size());

            AtomicReference<JsonObject> trace = new AtomicReference<>();
            await("trace " + sharedRequest + " closed").atMost(Duration.ofSeconds(90)).until(() -> {
                HttpResponse<String> response = cluster.probe().get("/v1/traces/" + sharedRequest);
                if (response.statusCode() != 200) {
                    return false;
                }
                trace.set(new JsonObject(response.body()));
                return true;
            });
            assertThat(trace.get().getJsonArray("services").getList()).contains("nova-api", "nova-compute");
            assertThat(trace.get().getInteger("eventCount")).isEqualTo(count(lines, sharedRequest));
        }
    }

    /** A request id that appears in lines of both services (so the test does not hard-code the dataset). */
    private static String requestSeenBy(List<String> lines, String first, String second) throws IOException {
        Map<String, Set<String>> servicesByRequest = new HashMap<>();
        for (String line : lines) {
            Matcher m = SERVICE_AND_REQUEST.matcher(line);
            if (m.find()) {
                servicesByRequest.computeIfAbsent(m.group(2), k -> new HashSet<>()).add(m.group(1));
            }
        }
        return servicesByRequest.entrySet().stream()
                .filter(e -> e.getValue().containsAll(Set.of(first, second)))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst()
                .orElseThrow(() -> new IOException("no request id shared by " + first + " and " + second));
    }

    private static int count(List<String> lines, String requestId) {
        return (int) lines.stream().filter(l -> l.contains("[" + requestId + " ")).count();
    }
}
