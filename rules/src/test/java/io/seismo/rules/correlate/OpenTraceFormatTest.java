package io.seismo.rules.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.Level;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.testing.SyntheticEvent;
import org.junit.jupiter.api.Test;

/**
 * How an open trace is saved (snapshot format 3, {@link TraceEncoding#COMPACT}), pinned byte by byte, and read
 * back as the same trace.
 */
class OpenTraceFormatTest {
    private static final int MAX_SPANS = 100;
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MILLI = 1_000_000L;

    private final ServiceIds ids = new ServiceIds(100);
    private final AddingScratch scratch = new AddingScratch();
    private final EdgeObserver edges = (callerId, calleeId, caller, callee, atNanos) -> { };
    private final Event holder = new Event();

    @Test
    void shouldSaveTimesAfterTheStartCountsAsShortNumbersAndIdsAsPackedHex() {
        OpenTrace trace = new OpenTrace(TRACE_ID, MAX_SPANS, ids);
        add(trace, "payments", "00f067aa0ba902b9", "00f067aa0ba902b8", T0 + 3 * MILLI, Level.INFO); // before its parent
        add(trace, "gateway", "00f067aa0ba902b7", null, T0, Level.INFO);
        add(trace, "checkout", "00f067aa0ba902b8", "00f067aa0ba902b7", T0 + 2 * MILLI, Level.ERROR);
        add(trace, "checkout", "span-x", "00f067aa0ba902ff", T0 + 5 * MILLI, Level.INFO); // its parent never came

        StateOutput expected = new StateOutput(64);
        expected.writeId(TRACE_ID);
        expected.writeVarLong(4); // events
        expected.writeLong(T0);
        expected.writeVarLong(5 * MILLI); // end, after the start
        expected.writeByte(1 | 2 | 4); // span ids, parents, an error; no chain by call order
        expected.writeVarLong(2 * MILLI);
        expected.writeString("checkout failed");
        expected.writeVarLong(3); // services, in arrival order: first seen after the start, failed
        expected.writeString("payments");
        expected.writeVarLong(3 * MILLI);
        expected.writeBoolean(false);
        expected.writeString("gateway");
        expected.writeVarLong(0);
        expected.writeBoolean(false);
        expected.writeString("checkout");
        expected.writeVarLong(2 * MILLI);
        expected.writeBoolean(true);
        expected.writeVarLong(4); // spans, each with its service's arrival as an int (see SpanEntries)
        for (String span : new String[] {"00f067aa0ba902b9", "00f067aa0ba902b7", "00f067aa0ba902b8", "span-x"}) {
            expected.writeId(span);
            expected.writeInt(span.equals("00f067aa0ba902b9") ? 0 : span.equals("00f067aa0ba902b7") ? 1 : 2);
        }
        expected.writeVarLong(1); // awaited parents
        expected.writeId("00f067aa0ba902ff");
        expected.writeVarLong(1);
        expected.writeVarLong(2);
        expected.writeVarLong(2); // edges: checkout calls payments, gateway calls checkout
        expected.writeVarLong(2);
        expected.writeVarLong(0);
        expected.writeVarLong(1);
        expected.writeVarLong(2);

        byte[] saved = saved(trace);
        assertThat(saved).isEqualTo(expected.toByteArray());
        assertThat(saved).as("hex ids two digits a byte").hasSize(171);

        OpenTrace read = read(saved);
        assertThat(read.traceId()).isEqualTo(TRACE_ID);
        assertThat(saved(read)).as("read back and saved again").isEqualTo(saved);
    }

    @Test
    void shouldSaveTheChainOfATraceWithoutSpanIdsAfterItsStart() {
        OpenTrace trace = new OpenTrace("trace-without-spans", MAX_SPANS, ids);
        add(trace, "gateway", null, null, T0, Level.INFO);
        add(trace, "search", null, null, T0 + 7 * MILLI, Level.INFO);

        StateOutput expected = new StateOutput(64);
        expected.writeString("trace-without-spans");
        expected.writeVarLong(2);
        expected.writeLong(T0);
        expected.writeVarLong(7 * MILLI);
        expected.writeByte(8); // a chain by call order, nothing else
        expected.writeVarLong(1); // its tail: search, arrived second
        expected.writeVarLong(7 * MILLI);
        expected.writeVarLong(2);
        expected.writeString("gateway");
        expected.writeVarLong(0);
        expected.writeBoolean(false);
        expected.writeString("search");
        expected.writeVarLong(7 * MILLI);
        expected.writeBoolean(false);
        expected.writeVarLong(0); // spans
        expected.writeVarLong(0); // awaited parents
        expected.writeVarLong(0); // edges: a chain reports its calls, it does not keep them

        byte[] saved = saved(trace);
        assertThat(saved).isEqualTo(expected.toByteArray());
        OpenTrace read = read(saved);
        assertThat(saved(read)).isEqualTo(saved);
    }

    @Test
    void shouldRefuseFlagsNoTraceSets() {
        OpenTrace trace = new OpenTrace(TRACE_ID, MAX_SPANS, ids);
        add(trace, "gateway", "00f067aa0ba902b7", null, T0, Level.INFO);
        byte[] saved = saved(trace);
        int flagsAt = 18 + 1 + Long.BYTES + 1; // the id packed, one event, the start, no time after it
        assertThat(saved[flagsAt]).isEqualTo((byte) 1);

        saved[flagsAt] |= 16;

        assertThatExceptionOfType(CorruptStateException.class)
                .isThrownBy(() -> read(saved))
                .withMessageContaining("flags are 17");
    }

    private void add(OpenTrace trace, String service, String span, String parent, long atNanos, Level level) {
        String message = service + (level == Level.ERROR ? " failed" : " ok");
        SyntheticEvent event = SyntheticEvent.log(atNanos, service, level, message).withTrace(trace.traceId());
        if (span != null) {
            event = event.withSpan(span, parent);
        }
        event.writeTo(holder);
        trace.add(holder, service, ids.idOf(service), atNanos, edges, scratch);
        holder.reset();
    }

    private OpenTrace read(byte[] saved) {
        return OpenTrace.readFrom(new StateInput(saved, 0, saved.length), TraceEncoding.COMPACT, MAX_SPANS, ids);
    }

    private static byte[] saved(OpenTrace trace) {
        StateOutput out = new StateOutput(64);
        trace.writeTo(out);
        return out.toByteArray();
    }
}
