package io.seismo.daemon.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.daemon.parse.LineParser;
import io.seismo.rules.event.Event;

/**
 * One of N parsers reading the ring in parallel with the journal: this one takes the sequences where
 * {@code sequence % count == ordinal}. It owns its parser instances (parsers are not thread-safe). It shows the
 * correlator its progress every {@link #PROGRESS_SLOTS} slots, not only at the end of a ring batch: a batch holds
 * thousands of lines, and the correlator would otherwise wait for the last of them before taking the first.
 */
final class ParseHandler implements EventHandler<Slot> {
    static final int PROGRESS_SLOTS = 128;

    private final int ordinal;
    private final int count;
    private final LineParser[] parsers;
    private final DaemonMetrics metrics;
    /** This stage's progress as the next stage sees it; null until the processor hands it over. */
    private Sequence progress;

    ParseHandler(int ordinal, int count, LineParser[] parsers, DaemonMetrics metrics) {
        this.ordinal = ordinal;
        this.count = count;
        this.parsers = parsers;
        this.metrics = metrics;
    }

    @Override
    public void setSequenceCallback(Sequence sequenceCallback) {
        progress = sequenceCallback;
    }

    /** Not called when this parser runs inside the {@link JournalHandler}: that thread keeps the journal's name. */
    @Override
    public void onStart() {
        PipelineThreads.nameCurrent(PipelineThreads.parse(ordinal));
    }

    @Override
    public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
        if (slot.type == SlotType.LINE && sequence % count == ordinal) {
            parse(slot);
        }
        if (!endOfBatch && progress != null && (sequence + 1) % PROGRESS_SLOTS == 0) {
            progress.set(sequence);
        }
    }

    private void parse(Slot slot) {
        BatchMeta meta = slot.meta;
        Event event = slot.event;
        event.reset();
        event.setHost(meta.host());
        event.setSource(meta.source());
        event.setPath(meta.path());
        event.setService(meta.service());
        event.setReceiveTimeNanos(meta.receivedNanos());
        event.setEventTimeNanos(meta.receivedNanos());
        if (!parsers[meta.parserIndex()].parse(slot.line, event)) {
            metrics.parseFailures.inc(event.getAttributes().get(LineParser.PARSE_ERROR_ATTR));
        }
        if (slot.truncated) {
            event.putAttr("seismo.truncated", "true");
        }
        slot.parsed = true;
    }
}
