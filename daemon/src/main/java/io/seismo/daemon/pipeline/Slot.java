package io.seismo.daemon.pipeline;

import io.seismo.daemon.journal.JournalPosition;
import io.seismo.daemon.journal.JournalRecord;
import io.seismo.daemon.parse.LineText;
import io.seismo.rules.event.Event;

/**
 * A preallocated, reused ring entry. The ingest thread fills the raw part, a parse handler fills
 * {@link #event}, the journal writes the raw part, and the correlator reads the event. Nothing here may
 * escape a handler: whoever keeps data copies it out.
 */
public final class Slot {
    SlotType type = SlotType.LINE;
    BatchMeta meta;
    /** The line's text, in an array the slot keeps: empty for a tick or a barrier and once released. */
    final LineText line = new LineText();
    long offset;
    boolean truncated;
    JournalAck ack;
    long tickNanos;
    boolean parsed;
    /** A line read back from the journal at recovery: already durable, nobody waits for an ack. */
    boolean replay;
    long barrierId;
    /** Written by the journal handler at a barrier, read by the correlator handler after it. */
    JournalPosition barrierPosition;
    Throwable barrierFailure;
    final Event event = new Event();

    public SlotType type() {
        return type;
    }

    public BatchMeta meta() {
        return meta;
    }

    public LineText line() {
        return line;
    }

    public long offset() {
        return offset;
    }

    public boolean truncated() {
        return truncated;
    }

    public Event event() {
        return event;
    }

    public boolean replay() {
        return replay;
    }

    void fillLine(BatchMeta meta, BatchLines lines, int index, JournalAck ack) {
        lines.copyLine(index, line);
        fill(meta, lines.offset(index), lines.truncated(index), ack, false);
    }

    void fillReplay(BatchMeta meta, JournalRecord record) {
        line.setString(record.line());
        fill(meta, record.offset(), record.truncated(), null, true);
    }

    private void fill(BatchMeta meta, long offset, boolean truncated, JournalAck ack, boolean replay) {
        this.type = SlotType.LINE;
        this.replay = replay;
        this.meta = meta;
        this.offset = offset;
        this.truncated = truncated;
        this.ack = ack;
        this.parsed = false;
    }

    void fillTick(long nowNanos) {
        clearLine(SlotType.TICK);
        this.tickNanos = nowNanos;
    }

    void fillBarrier(long id) {
        clearLine(SlotType.CHECKPOINT);
        this.barrierId = id;
        this.barrierPosition = null;
        this.barrierFailure = null;
    }

    /**
     * Drops what the line and its parsed fields refer to once the last handler is done with them (the line's bytes
     * stay, in the slot's own array). Otherwise the ring keeps the objects of its last 65,536 lines alive, several
     * seconds' worth: every young collection copied them, and promoted them into the old generation to die there.
     */
    void release() {
        meta = null;
        line.clear();
        ack = null;
        event.reset();
    }

    private void clearLine(SlotType type) {
        this.type = type;
        this.meta = null;
        this.line.clear();
        this.ack = null;
        this.replay = false;
    }
}
