package io.seismo.agent.metrics;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.seismo.agent.AgentStats;
import io.seismo.agent.ScrapeStats;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AgentStatsCollectorTest {

    @Test
    void shouldCapTheLagPathsAndSumTheRestUnderOther() {
        Map<String, Long> lag = new HashMap<>();
        for (int i = 1; i <= AgentStatsCollector.MAX_LAG_PATHS + 10; i++) {
            lag.put("/var/log/f" + i + ".log", (long) i);
        }
        AgentStats stats = new AgentStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), lag,
                new ScrapeStats(0, 0, 0, 0, 0, Map.of()));

        GaugeSnapshot snapshot = (GaugeSnapshot) new AgentStatsCollector(() -> stats).collect().stream()
                .filter(s -> s.getMetadata().getName().equals("seismo_agent_lag_bytes"))
                .findFirst().orElseThrow();

        assertThat(snapshot.getDataPoints()).hasSize(AgentStatsCollector.MAX_LAG_PATHS + 1);
        // The 50 largest (11..60) keep their own series; 1..10 sum to 55 under _other.
        assertThat(snapshot.getDataPoints()).anySatisfy(point -> {
            assertThat(point.getLabels().get("path")).isEqualTo(AgentStatsCollector.OTHER_PATHS);
            assertThat(point.getValue()).isEqualTo(55.0);
        });
        assertThat(snapshot.getDataPoints()).noneSatisfy(point ->
                assertThat(point.getLabels().get("path")).isEqualTo("/var/log/f10.log"));
    }

    @Test
    void shouldNameEveryFamilyUnderTheAgentsPrefix() {
        AgentStats stats = new AgentStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(),
                new ScrapeStats(0, 0, 0, 0, 0, Map.of()));

        assertThat(new AgentStatsCollector(() -> stats).collect().stream().map(MetricSnapshot::getMetadata)
                .map(m -> m.getName())).allMatch(name -> name.startsWith("seismo_agent_"));
    }
}
