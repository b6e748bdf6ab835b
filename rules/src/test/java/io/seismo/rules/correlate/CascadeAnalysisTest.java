package io.seismo.rules.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.correlate.CascadeAnalysis.Cascade;
import io.seismo.rules.finding.Onset;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CascadeAnalysisTest {
    private static final long WITHIN = 120;

    private final DependencyGraph graph = new DependencyGraph(Long.MAX_VALUE / 2, 100);

    @Test
    void shouldNameTheDeepestUnhealthyServiceAsRootAndItsCallersNearestFirst() {
        calls("gateway", "checkout");
        calls("checkout", "payments");
        calls("payments", "payments-db");
        calls("gateway", "auth");

        List<Cascade> cascades = find(onsets("gateway", 10, "checkout", 10, "payments", 10, "payments-db", 10));

        assertThat(cascades).singleElement().satisfies(cascade -> {
            assertThat(cascade.root()).isEqualTo("payments-db");
            assertThat(cascade.affected()).containsExactly("payments", "checkout", "gateway");
            assertThat(cascade.timeline()).extracting(Onset::service)
                    .containsExactly("payments-db", "payments", "checkout", "gateway");
        });
    }

    @Test
    void shouldListAffectedServicesInOnsetOrder() {
        calls("gateway", "checkout");
        calls("checkout", "payments");

        List<Cascade> cascades = find(onsets("gateway", 11, "checkout", 13, "payments", 10));

        assertThat(cascades.get(0).affected()).containsExactly("gateway", "checkout");
        assertThat(cascades.get(0).timeline()).containsExactly(new Onset("payments", 10), new Onset("gateway", 11),
                new Onset("checkout", 13));
    }

    @Test
    void shouldFindNoCascadeForAServiceUnhealthyAlone() {
        calls("gateway", "checkout");
        calls("checkout", "payments");

        assertThat(find(onsets("checkout", 10))).isEmpty();
    }

    @Test
    void shouldFindNoCascadeBetweenUnhealthyServicesThatOnlyShareAHealthyCaller() {
        calls("gateway", "auth");
        calls("gateway", "catalog");

        assertThat(find(onsets("auth", 10, "catalog", 10))).isEmpty();
    }

    @Test
    void shouldPickTheEarliestOnsetInACycle() {
        calls("orders", "stock");
        calls("stock", "orders");
        calls("web", "orders");

        List<Cascade> cascades = find(onsets("orders", 12, "stock", 10, "web", 12));

        assertThat(cascades).singleElement().satisfies(cascade -> {
            assertThat(cascade.root()).isEqualTo("stock");
            assertThat(cascade.affected()).containsExactly("orders", "web");
        });
    }

    @Test
    void shouldPreferTheBottomOfTheGraphOverAnEarlierCaller() {
        calls("web", "orders");
        calls("orders", "stock");
        calls("stock", "orders");

        List<Cascade> cascades = find(onsets("web", 1, "orders", 12, "stock", 10));

        assertThat(cascades.get(0).root()).isEqualTo("stock");
    }

    @Test
    void shouldLeaveOutCallersThatTurnedUnhealthyLongAfterTheRoot() {
        calls("gateway", "checkout");
        calls("checkout", "payments");

        List<Cascade> cascades = find(onsets("gateway", 10 + WITHIN + 1, "checkout", 10 + WITHIN, "payments", 10));

        assertThat(cascades.get(0).affected()).containsExactly("checkout");
    }

    @Test
    void shouldBreakATieBetweenTwoRootsByEarliestOnset() {
        calls("payments", "ledger-db");
        calls("payments", "cards-db");

        List<Cascade> cascades = find(onsets("payments", 12, "ledger-db", 11, "cards-db", 10));

        assertThat(cascades.get(0).root()).isEqualTo("cards-db");
        assertThat(cascades.get(0).affected()).containsExactly("payments");
    }

    private void calls(String caller, String callee) {
        graph.observe(caller, callee, 0);
    }

    private List<Cascade> find(SortedMap<String, Long> onsets) {
        return CascadeAnalysis.find(onsets, graph, WITHIN);
    }

    private static SortedMap<String, Long> onsets(Object... serviceThenOnset) {
        SortedMap<String, Long> onsets = new TreeMap<>();
        for (int i = 0; i < serviceThenOnset.length; i += 2) {
            onsets.put((String) serviceThenOnset[i], ((Number) serviceThenOnset[i + 1]).longValue());
        }
        return onsets;
    }
}
