package io.seismo.daemon.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.correlate.TraceSummary;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ring of closed traces the API finds them in: the newest few, and the newest of an id closed twice. */
class RecentTracesTest {

    @Test
    void shouldKeepTheNewestTracesAndForgetOlderOnes() {
        RecentTraces traces = new RecentTraces(10);
        assertThat(traces.size()).isZero();
        assertThat(traces.find("t-0")).isEmpty();
        for (int i = 0; i < 25; i++) {
            traces.add(trace("t-" + i, i));
        }
        assertThat(traces.size()).isEqualTo(10);
        for (int i = 0; i < 25; i++) {
            assertThat(traces.find("t-" + i)).as("t-%d", i).map(TraceSummary::eventCount)
                    .isEqualTo(i < 15 ? Optional.empty() : Optional.of((long) i));
        }
    }

    @Test
    void shouldFindTheNewerSummaryOfATraceClosedTwice() {
        RecentTraces traces = new RecentTraces(4);
        traces.add(trace("again", 1));
        traces.add(trace("other", 2));
        traces.add(trace("again", 3));
        assertThat(traces.find("again")).map(TraceSummary::eventCount).contains(3L);
        assertThat(traces.size()).isEqualTo(3);
    }

    @Test
    void shouldKeepExactlyTheLastRingfulAfterManyLaps() {
        RecentTraces traces = new RecentTraces(64);
        for (int i = 0; i < 200_000; i++) {
            traces.add(trace("t-" + i, i));
        }
        assertThat(traces.size()).isEqualTo(64);
        assertThat(traces.find("t-199999")).map(TraceSummary::eventCount).contains(199_999L);
        assertThat(traces.find("t-199936")).map(TraceSummary::eventCount).contains(199_936L);
        assertThat(traces.find("t-199935")).isEmpty();
    }

    private static TraceSummary trace(String id, long events) {
        return new TraceSummary(id, List.of("svc"), List.of(), List.of(), null, events, 0, 1);
    }
}
