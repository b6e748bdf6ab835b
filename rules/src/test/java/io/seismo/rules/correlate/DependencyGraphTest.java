package io.seismo.rules.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {
    private static final long TTL = 100;
    private static final int GATEWAY = 3;
    private static final int AUTH = 7;
    private static final int BILLING = 0;

    @Test
    void shouldDecayAnEdgeATtlAfterItWasLastSeenNotFirstSeen() {
        DependencyGraph graph = new DependencyGraph(TTL, 10);
        graph.observe("gateway", "auth", 0);
        graph.observe("gateway", "auth", 80);
        graph.observe("gateway", "auth", 10); // late: the edge was seen at 80 all the same

        graph.decay(180);
        assertThat(graph.hasEdge("gateway", "auth")).isTrue();
        graph.decay(181);
        assertThat(graph.hasEdge("gateway", "auth")).isFalse();
        assertThat(graph.callers("auth")).isEmpty();
    }

    @Test
    void shouldEvictTheEdgeSeenLongestAgoWhenFull() {
        DependencyGraph graph = new DependencyGraph(TTL, 2);
        graph.observe("gateway", "auth", 0);
        graph.observe("gateway", "billing", 10);
        graph.observe("gateway", "auth", 20);
        graph.observe("gateway", "search", 30);

        assertThat(graph.edges()).containsExactly(new ServiceEdge("gateway", "auth"), new ServiceEdge("gateway", "search"));
        assertThat(graph.edgesEvicted()).isEqualTo(1);
    }

    @Test
    void shouldRestoreWhenEachEdgeWasLastSeen() {
        DependencyGraph graph = new DependencyGraph(TTL, 10);
        graph.observe("gateway", "auth", 0);
        graph.observe("gateway", "auth", 60);
        graph.observe("auth", "users", 30);
        StateOutput out = new StateOutput(64);
        graph.writeTo(out);
        byte[] saved = out.toByteArray();

        DependencyGraph restored = new DependencyGraph(TTL, 10);
        restored.readState(new StateInput(saved, 0, saved.length)).apply();
        restored.decay(150);

        assertThat(restored.edges()).containsExactly(new ServiceEdge("gateway", "auth"));
    }

    @Test
    void shouldKeepTheLatestCallOfAnEdgeSeenByNumberAndByName() {
        DependencyGraph graph = new DependencyGraph(TTL, 10);
        graph.observe(GATEWAY, AUTH, "gateway", "auth", 0);
        graph.observe(GATEWAY, AUTH, "gateway", "auth", 80);
        graph.observe("gateway", "auth", 10);
        graph.observe(GATEWAY, AUTH, "gateway", "auth", 20);

        graph.decay(180);
        assertThat(graph.edges()).containsExactly(new ServiceEdge("gateway", "auth"));
        graph.decay(181);
        assertThat(graph.edges()).isEmpty();
    }

    @Test
    void shouldLearnANumberedEdgeAgainAfterItDecayed() {
        DependencyGraph graph = new DependencyGraph(TTL, 10);
        graph.observe(GATEWAY, AUTH, "gateway", "auth", 0);
        graph.decay(101);
        assertThat(graph.edges()).isEmpty();

        graph.observe(GATEWAY, AUTH, "gateway", "auth", 150);

        assertThat(graph.edges()).containsExactly(new ServiceEdge("gateway", "auth"));
        assertThat(graph.callers("auth")).containsExactly("gateway");
        assertThat(graph.edgeCount()).isEqualTo(1);
    }

    @Test
    void shouldLearnANumberedEdgeAgainAfterItWasEvicted() {
        DependencyGraph graph = new DependencyGraph(TTL, 1);
        graph.observe(GATEWAY, AUTH, "gateway", "auth", 0);
        graph.observe(GATEWAY, BILLING, "gateway", "billing", 10);

        graph.observe(GATEWAY, AUTH, "gateway", "auth", 20);

        assertThat(graph.edges()).containsExactly(new ServiceEdge("gateway", "auth"));
        assertThat(graph.edgesEvicted()).isEqualTo(2);
    }

    @Test
    void shouldLearnANumberedEdgeAgainThatARestoreReplaced() {
        DependencyGraph graph = new DependencyGraph(TTL, 10);
        graph.observe(GATEWAY, BILLING, "gateway", "billing", 0);
        StateOutput out = new StateOutput(64);
        graph.writeTo(out);
        byte[] saved = out.toByteArray();
        graph.observe(GATEWAY, AUTH, "gateway", "auth", 10);

        graph.readState(new StateInput(saved, 0, saved.length)).apply();
        graph.observe(GATEWAY, AUTH, "gateway", "auth", 20);

        assertThat(graph.edges()).containsExactly(new ServiceEdge("gateway", "auth"), new ServiceEdge("gateway", "billing"));
        assertThat(graph.edgeCount()).isEqualTo(2);
    }

    @Test
    void shouldTakeServicesWithoutNumbersOrPastTheNumberedOnesByName() {
        DependencyGraph graph = new DependencyGraph(TTL, 10);
        graph.observe(ServiceIds.NO_ID, AUTH, "legacy", "auth", 0);
        graph.observe(GATEWAY, 100_000, "gateway", "runaway", 0);
        graph.observe(ServiceIds.NO_ID, AUTH, "legacy", "auth", 50);

        graph.decay(120);

        assertThat(graph.edges()).containsExactly(new ServiceEdge("legacy", "auth"));
    }
}
