package io.seismo.rules.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.Level;
import io.seismo.rules.testing.SyntheticEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A trace holds a table of children awaiting their parents only while one waits; the tables go round. */
class AwaitedParentsLendingTest {
    private static final int MAX_SPANS = 100;

    private final ServiceIds ids = new ServiceIds(100);
    private final AddingScratch scratch = new AddingScratch();
    private final List<String> calls = new ArrayList<>();
    private final EdgeObserver edges = (callerId, calleeId, caller, callee, atNanos) -> calls.add(caller + "->" + callee);
    private final Event holder = new Event();

    @Test
    void shouldGiveTheTableBackOnceTheLastAwaitedParentArrivesAndLendItToTheNextTrace() {
        OpenTrace first = new OpenTrace("t1", MAX_SPANS, ids);
        add(first, "payments", "p1", "c1");
        add(first, "ledger", "l1", "c1");
        assertThat(scratch.spareTables()).isZero();

        add(first, "checkout", "c1", "g1");
        assertThat(calls).containsExactly("checkout->payments", "checkout->ledger");
        assertThat(scratch.spareTables()).as("checkout's parent g1 is awaited still").isZero();

        add(first, "gateway", "g1", null);
        assertThat(calls).containsExactly("checkout->payments", "checkout->ledger", "gateway->checkout");
        assertThat(scratch.spareTables()).as("no child waits").isEqualTo(1);

        OpenTrace second = new OpenTrace("t2", MAX_SPANS, ids);
        add(second, "payments", "p2", "c2");
        assertThat(scratch.spareTables()).as("lent to the next trace with a waiting child").isZero();
        // Were the table still the first trace's too, the second would hand it this child as well.
        add(first, "audit", "a1", "c2");
        add(second, "checkout", "c2", null);
        assertThat(calls).containsExactly("checkout->payments", "checkout->ledger", "gateway->checkout",
                "checkout->payments");
        assertThat(scratch.spareTables()).isEqualTo(1);

        add(first, "checkout", "c2", null);
        assertThat(calls).endsWith("checkout->audit");
        assertThat(scratch.spareTables()).isEqualTo(2);
    }

    @Test
    void shouldTakeBackTheTableOfATraceOpenedAgainForAnotherId() {
        OpenTrace trace = new OpenTrace("t1", MAX_SPANS, ids);
        add(trace, "payments", "p1", "missing");
        assertThat(scratch.spareTables()).isZero();

        trace.reuseFor("t2", scratch);

        assertThat(scratch.spareTables()).isEqualTo(1);
        add(trace, "billing", "missing", null);
        assertThat(calls).as("t1's waiting child is not t2's").isEmpty();
        OpenTrace next = new OpenTrace("t3", MAX_SPANS, ids);
        add(next, "ledger", "l3", "c3");
        assertThat(scratch.spareTables()).isZero();
        add(next, "auth", "missing", null);
        assertThat(calls).as("the table came back without t1's child").isEmpty();
    }

    private void add(OpenTrace trace, String service, String span, String parent) {
        SyntheticEvent.log(1, service, Level.INFO, service).withTrace(trace.traceId()).withSpan(span, parent)
                .writeTo(holder);
        trace.add(holder, service, ids.idOf(service), 1, edges, scratch);
        holder.reset();
    }
}
