package io.seismo.daemon.pipeline;

import io.seismo.rules.event.Event;

/**
 * A preallocated, reused ring entry. The ingest thread fills the raw part, a parse handler fills
 * {@link #event}, the journal writes the raw part, and the correlator reads the event. Nothing here may
 * escape a handler: whoever keeps data copies it out.
 */
public final class Slot {
    SlotType type = SlotType.LINE;
    BatchMeta meta;
    String line;
    long offset;
    boolean truncated;
    JournalAck ack;
    long tickNanos;
    boolean parsed;
    final Event event = new Event();

    public SlotType type() {
        return type;
    }

    public BatchMeta meta() {
        return meta;
    }

    public String line() {
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

    void fillLine(BatchMeta meta, String line, long offset, boolean truncated, JournalAck ack) {
        this.type = SlotType.LINE;
        this.meta = meta;
        this.line = line;
        this.offset = offset;
        this.truncated = truncated;
        this.ack = ack;
        this.parsed = false;
    }

    void fillTick(long nowNanos) {
        this.type = SlotType.TICK;
        this.meta = null;
        this.line = null;
        this.ack = null;
        this.tickNanos = nowNanos;
    }
}
