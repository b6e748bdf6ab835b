package io.seismo.daemon.route;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTreeTest {
    private static final GroupTimings TIMINGS = new GroupTimings(Duration.ZERO, Duration.ZERO, Duration.ofHours(4));

    private final RouteTree tree = new RouteTree(node("", LabelMatcher.ANY, "default", false,
            node("/0", team("payments"), "payments", true),
            node("/1", team("payments"), "audit", false,
                    node("/1/0", labels -> "critical".equals(labels.get("severity")), "pager", false)),
            node("/2", team("search"), "search", false)));

    @Test
    void shouldSendAnAlertNoRouteMatchesToTheRoot() {
        assertThat(receivers(Map.of("team", "web"))).containsExactly("default");
    }

    @Test
    void shouldStopAtTheFirstMatchingRouteUnlessItContinues() {
        assertThat(receivers(Map.of("team", "payments"))).containsExactly("payments", "audit");
        assertThat(receivers(Map.of("team", "search"))).containsExactly("search");
    }

    @Test
    void shouldDescendToTheDeepestMatchingRoute() {
        assertThat(receivers(Map.of("team", "payments", "severity", "critical"))).containsExactly("payments", "pager");
    }

    private List<String> receivers(Map<String, String> labels) {
        return tree.targets(labels).stream().map(RouteTarget::receiver).toList();
    }

    private static LabelMatcher team(String team) {
        return labels -> team.equals(labels.get("team"));
    }

    private static RouteNode node(String key, LabelMatcher matcher, String receiver, boolean continueMatching,
                                  RouteNode... children) {
        return new RouteNode(key, matcher, new RouteTarget(key, receiver, List.of(receiver), List.of("..."), TIMINGS,
                null), continueMatching, List.of(children));
    }
}
