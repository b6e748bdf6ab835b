package io.seismo.daemon.parse;

import io.seismo.daemon.config.DaemonConfig;
import io.seismo.daemon.config.DaemonConfigLoader;
import io.seismo.daemon.ingest.ParserTable;
import io.seismo.rules.event.Event;
import io.seismo.rules.event.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent's metric batches reach the metric-sample parser, live (by header or path) and on replay (by path). */
class MetricSampleRoutingTest {
    private static final String SAMPLE = "{\"metric\":\"up\",\"value\":1,\"labels\":{},\"ts\":1700000000000,\"type\":\"gauge\"}";

    @TempDir
    Path dir;

    @Test
    void shouldParseScrapeBatchesAsMetricSamplesWhateverTheSourcesSay() {
        DaemonConfig config = new DaemonConfigLoader(Map.of()).parse("auth: { tokens: [ t ] }\n", dir);
        ParserTable table = new ParserTable(config);
        LineParser[] parsers = table.newParsers(choice -> ParserFactory.create(
                new ParserSpec(choice.format(), choice.pattern(), choice.timeFormat(), choice.timeZone())));

        int byHeader = table.indexFor("db", "/var/log/db.log", ParserTable.METRIC_KIND);
        int byPath = table.indexFor("db", "scrape:http://127.0.0.1:9187/metrics");
        int logs = table.indexFor("db", "/var/log/db.log", "log");

        assertThat(byPath).isEqualTo(byHeader);
        assertThat(logs).isNotEqualTo(byHeader);
        Event event = Prefilled.event();
        assertThat(parsers[byPath].parse(SAMPLE, event)).isTrue();
        assertThat(event.getKind()).isEqualTo(EventKind.METRIC);
    }
}
