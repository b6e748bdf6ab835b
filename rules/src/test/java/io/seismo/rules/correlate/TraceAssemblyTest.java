package io.seismo.rules.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.Level;
import io.seismo.rules.testing.SyntheticEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TraceAssemblyTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long GAP = 10 * SECOND;

    private final DependencyGraph graph = new DependencyGraph(600 * SECOND, 100);
    private final List<TraceSummary> closed = new ArrayList<>();
    private final Event holder = new Event();

    @Test
    void shouldCloseATraceOnceTheWatermarkIsAGapPastItsNewestEvent() {
        TraceAssembler traces = assembler(10);
        feed(traces, event(0, "gateway", Level.INFO, "t1"));
        feed(traces, event(2 * SECOND, "checkout", Level.INFO, "t1"));

        traces.closeUpTo(12 * SECOND - 1);
        assertThat(closed).isEmpty();
        traces.closeUpTo(12 * SECOND);

        assertThat(closed).singleElement().satisfies(trace -> {
            assertThat(trace.traceId()).isEqualTo("t1");
            assertThat(trace.eventCount()).isEqualTo(2);
            assertThat(trace.startNanos()).isZero();
            assertThat(trace.endNanos()).isEqualTo(2 * SECOND);
        });
        assertThat(traces.openTraces()).isZero();
    }

    @Test
    void shouldDrawEdgesFromSpanParentsEvenWhenAChildArrivesBeforeItsParent() {
        TraceAssembler traces = assembler(10);
        feed(traces, event(3, "payments", Level.INFO, "t1").withSpan("p1", "c1"));
        feed(traces, event(0, "gateway", Level.INFO, "t1").withSpan("g1", null));
        feed(traces, event(1, "auth", Level.INFO, "t1").withSpan("a1", "g1"));
        feed(traces, event(2, "checkout", Level.INFO, "t1").withSpan("c1", "g1"));

        assertThat(graph.edges()).as("learned while the trace is still open").containsExactly(
                new ServiceEdge("checkout", "payments"), new ServiceEdge("gateway", "auth"),
                new ServiceEdge("gateway", "checkout"));
        traces.closeUpTo(GAP + 3);
        assertThat(closed).singleElement().satisfies(trace -> {
            assertThat(trace.services()).containsExactly("gateway", "auth", "checkout", "payments");
            assertThat(trace.edges()).containsExactlyInAnyOrder(new ServiceEdge("gateway", "auth"),
                    new ServiceEdge("gateway", "checkout"), new ServiceEdge("checkout", "payments"));
        });
    }

    @Test
    void shouldChainServicesInCallOrderWhenTheTraceHasNoSpans() {
        TraceAssembler traces = assembler(10);
        feed(traces, event(0, "gateway", Level.INFO, "t1"));
        feed(traces, event(1, "checkout", Level.INFO, "t1"));
        feed(traces, event(2, "checkout", Level.INFO, "t1"));
        feed(traces, event(3, "payments", Level.ERROR, "t1"));

        assertThat(graph.edges()).as("learned while the trace is still open").containsExactly(
                new ServiceEdge("checkout", "payments"), new ServiceEdge("gateway", "checkout"));
        traces.closeUpTo(GAP + 3);
        assertThat(closed).singleElement().satisfies(trace -> {
            assertThat(trace.edges()).containsExactly(new ServiceEdge("gateway", "checkout"),
                    new ServiceEdge("checkout", "payments"));
            assertThat(trace.errorServices()).containsExactly("payments");
            assertThat(trace.firstErrorMessage()).isEqualTo("payments at 3");
        });
    }

    @Test
    void shouldSummariseEachTraceOnItsOwnWithTheSameEdgeObjectForTheSamePair() {
        TraceAssembler traces = assembler(10);
        feed(traces, event(0, "gateway", Level.INFO, "t1"));
        feed(traces, event(1, "checkout", Level.ERROR, "t1"));
        feed(traces, event(2, "gateway", Level.INFO, "t2"));
        feed(traces, event(3, "checkout", Level.INFO, "t2"));
        feed(traces, event(4, "payments", Level.ERROR, "t2"));
        feed(traces, event(5, "ledger", Level.INFO, "t2"));

        traces.closeUpTo(GAP + 5);

        assertThat(closed).hasSize(2);
        TraceSummary first = closed.get(0);
        TraceSummary second = closed.get(1);
        assertThat(first.services()).containsExactly("gateway", "checkout");
        assertThat(first.errorServices()).containsExactly("checkout");
        assertThat(second.services()).containsExactly("gateway", "checkout", "payments", "ledger");
        assertThat(second.errorServices()).containsExactly("payments");
        assertThat(second.edges()).containsExactly(new ServiceEdge("gateway", "checkout"),
                new ServiceEdge("checkout", "payments"), new ServiceEdge("payments", "ledger"));
        assertThat(second.edges().get(0)).isSameAs(first.edges().get(0));
    }

    @Test
    void shouldOrderACallChainByEventTimeNotArrival() {
        TraceAssembler traces = assembler(10);
        feed(traces, event(0, "gateway", Level.INFO, "t1"));
        feed(traces, event(2, "payments", Level.INFO, "t1"));
        feed(traces, event(1, "checkout", Level.INFO, "t1"));

        traces.closeUpTo(GAP + 2);

        assertThat(closed.get(0).services()).containsExactly("gateway", "checkout", "payments");
        assertThat(closed.get(0).edges()).containsExactly(new ServiceEdge("gateway", "checkout"),
                new ServiceEdge("checkout", "payments"));
    }

    @Test
    void shouldOrderServicesSeenAtTheSameTimeByArrivalInSmallAndRunawayTraces() {
        TraceAssembler traces = assembler(10);
        int[] sizes = {5, 40}; // below and above the count up to which services are ordered by insertion
        for (int size : sizes) {
            for (int arrival = 0; arrival < size; arrival++) {
                // Later arrivals were first seen earlier, two at a time, so pairs tie and order is reversed.
                Level level = arrival % 3 == 0 ? Level.ERROR : Level.INFO;
                feed(traces, event(SECOND + size - arrival / 2, "s" + arrival, level, "t" + size));
            }
        }

        traces.closeUpTo(GAP + 2 * SECOND);

        assertThat(closed).hasSize(sizes.length);
        for (int t = 0; t < sizes.length; t++) {
            int size = sizes[t];
            List<String> expected = IntStream.range(0, size).boxed()
                    .sorted(Comparator.comparingInt(arrival -> size - arrival / 2)) // stable: ties keep arrival order
                    .map(arrival -> "s" + arrival).toList();
            TraceSummary trace = closed.get(t);
            assertThat(trace.services()).as("trace of %d services", size).isEqualTo(expected);
            assertThat(trace.errorServices()).isEqualTo(expected.stream()
                    .filter(name -> Integer.parseInt(name.substring(1)) % 3 == 0).toList());
            assertThat(trace.edges()).hasSize(size - 1).first()
                    .isEqualTo(new ServiceEdge(expected.get(0), expected.get(1)));
        }
    }

    @Test
    void shouldEvictTheTraceIdleLongestWhenTooManyAreOpenAndCountIt() {
        TraceAssembler traces = assembler(2);
        feed(traces, event(0, "a", Level.INFO, "t1"));
        feed(traces, event(1, "a", Level.INFO, "t2"));
        feed(traces, event(2, "a", Level.INFO, "t1"));
        feed(traces, event(3, "a", Level.INFO, "t3"));

        assertThat(traces.evicted()).isEqualTo(1);
        assertThat(traces.openTraces()).isEqualTo(2);
        assertThat(closed).extracting(TraceSummary::traceId).containsExactly("t2");
    }

    @Test
    void shouldOpenATraceAfterAnotherClosedWithNothingOfTheClosedOne() {
        TraceAssembler traces = assembler(10);
        feed(traces, event(0, "gateway", Level.ERROR, "t1").withSpan("g1", null));
        feed(traces, event(1, "checkout", Level.INFO, "t1").withSpan("c1", "g1"));
        feed(traces, event(2, "payments", Level.INFO, "t1").withSpan("p1", "missing"));
        traces.closeUpTo(GAP + 2);
        // The closed trace's object is kept and opened again for t2: its spans, the child awaiting "missing",
        // its edge, error and message must all be gone.
        feed(traces, event(GAP + 3, "auth", Level.INFO, "t2").withSpan("a2", null));
        feed(traces, event(GAP + 4, "billing", Level.INFO, "t2").withSpan("missing", "g1"));
        traces.closeUpTo(2 * GAP + 4);

        assertThat(closed).extracting(TraceSummary::traceId).containsExactly("t1", "t2");
        assertThat(closed.get(1)).satisfies(trace -> {
            assertThat(trace.services()).containsExactly("auth", "billing");
            assertThat(trace.edges()).isEmpty();
            assertThat(trace.errorServices()).isEmpty();
            assertThat(trace.firstErrorMessage()).isNull();
            assertThat(trace.eventCount()).isEqualTo(2);
            assertThat(trace.startNanos()).isEqualTo(GAP + 3);
            assertThat(trace.endNanos()).isEqualTo(GAP + 4);
        });
        assertThat(graph.edges()).containsExactly(new ServiceEdge("gateway", "checkout"));
    }

    @Test
    void shouldIgnoreEventsWithoutATraceId() {
        TraceAssembler traces = assembler(10);
        feed(traces, SyntheticEvent.log(0, "a", Level.ERROR, "no trace"));

        assertThat(traces.openTraces()).isZero();
    }

    private TraceAssembler assembler(int maxOpen) {
        return new TraceAssembler(GAP, maxOpen, 100, graph, closed::add);
    }

    private static SyntheticEvent event(long nanos, String service, Level level, String traceId) {
        return SyntheticEvent.log(nanos, service, level, service + " at " + nanos).withTrace(traceId);
    }

    private void feed(TraceAssembler traces, SyntheticEvent event) {
        event.writeTo(holder);
        traces.add(holder, event.timeNanos());
        holder.reset();
    }
}
