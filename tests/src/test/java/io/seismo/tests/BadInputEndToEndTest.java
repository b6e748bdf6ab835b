package io.seismo.tests;

import io.seismo.tests.harness.Cluster;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What a confused or hostile client gets from a running daemon: clear answers and counters, never a crash. */
class BadInputEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseBadTokensAndOversizedBodiesAndSkipOnlyTheMalformedLines() throws Exception {
        try (Cluster cluster = new Cluster(dir)) {
            cluster.startDaemon("maxBodyBytes: 65536\nsinks: [ { type: stdout } ]\n");
            cluster.awaitDaemonReady();
            byte[] good = """
                    {"o":0,"l":"{\\"level\\":\\"INFO\\",\\"message\\":\\"first\\"}"}
                    this is not an envelope
                    {"o":42,"l":"plain text is fine too"}
                    """.getBytes(StandardCharsets.UTF_8);

            HttpResponse<String> noToken = cluster.probe().post("/v1/ingest", null, good);
            HttpResponse<String> wrongToken = cluster.probe().post("/v1/ingest", "not-the-token", good);
            HttpResponse<String> oversized = cluster.probe().post("/v1/ingest", Cluster.TOKEN, new byte[200_000]);
            HttpResponse<String> mixed = cluster.probe().post("/v1/ingest", Cluster.TOKEN, good);

            assertThat(noToken.statusCode()).isEqualTo(401);
            assertThat(wrongToken.statusCode()).isEqualTo(401);
            assertThat(oversized.statusCode()).isEqualTo(413);
            assertThat(mixed.statusCode()).as(mixed.body()).isEqualTo(200);
            JsonObject answer = new JsonObject(mixed.body());
            assertThat(answer.getInteger("accepted")).isEqualTo(2);
            assertThat(answer.getInteger("malformed")).isEqualTo(1);

            assertThat(cluster.probe().metric("seismo_ingest_events_total")).isEqualTo(2);
            assertThat(cluster.probe().metric("seismo_ingest_malformed_lines_total")).isEqualTo(1);
            String metrics = cluster.probe().get("/metrics").body();
            assertThat(metrics).contains("seismo_ingest_rejected_requests_total{reason=\"unauthorized\"} 2");
            assertThat(metrics).contains("seismo_ingest_rejected_requests_total{reason=\"too_large\"} 1");
            assertThat(cluster.probe().get("/healthz").statusCode()).isEqualTo(200);
            assertThat(cluster.daemon().isAlive()).isTrue();
        }
    }

    @Test
    void shouldRefuseToStartWithARuleThatDoesNotCompileAndSayWhere() throws Exception {
        try (Cluster cluster = new Cluster(dir)) {
            cluster.writeRule("broken.groovy", """
                    threshold('fine') {
                        fireWhen { count > 1 }
                    }
                    threshold('broken' {
                    """);
            cluster.startDaemon("sinks: [ { type: stdout } ]\n");

            int exit = cluster.daemon().awaitExit(60);

            assertThat(exit).as(cluster.outputs()).isEqualTo(2);
            assertThat(cluster.daemonOutput()).contains("broken.groovy:4");
        }
    }

    @Test
    void shouldRefuseToStartWithAConfigKeyItDoesNotKnow() throws Exception {
        try (Cluster cluster = new Cluster(dir)) {
            cluster.startDaemon("alerting: { groupWiat: 1s }\n");

            int exit = cluster.daemon().awaitExit(60);

            assertThat(exit).as(cluster.outputs()).isEqualTo(2);
            assertThat(cluster.daemonOutput()).contains("alerting.groupWiat: unknown key");
        }
    }
}
