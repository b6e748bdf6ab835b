package io.seismo.daemon.pipeline;

import com.lmax.disruptor.EventHandler;
import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.daemon.parse.LineParser;
import io.seismo.rules.event.Event;

/**
 * One of N parsers reading the ring in parallel with the journal: this one takes the sequences where
 * {@code sequence % count == ordinal}. It owns its parser instances (parsers are not thread-safe).
 */
final class ParseHandler implements EventHandler<Slot> {
    private final int ordinal;
    private final int count;
    private final LineParser[] parsers;
    private final DaemonMetrics metrics;

    ParseHandler(int ordinal, int count, LineParser[] parsers, DaemonMetrics metrics) {
        this.ordinal = ordinal;
        this.count = count;
        this.parsers = parsers;
        this.metrics = metrics;
    }

    @Override
    public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
        if (slot.type != SlotType.LINE || sequence % count != ordinal) {
            return;
        }
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
