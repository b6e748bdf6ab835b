package io.seismo.daemon.pipeline;

/** Ring slots holding one line of one batch from a checkout service's log, as ingest fills them. */
final class LineSlots {
    static final BatchMeta CHECKOUT = new BatchMeta("agent-1", "host-1", "checkout", "/var/log/checkout.log",
            "src-1", 0, 1_000_000, 0, 1L);

    private LineSlots() {
    }

    /** A slot holding {@code line}, starting at {@code offset} of the file; {@code ack} may be null. */
    static Slot line(String line, long offset, JournalAck ack) {
        return line(CHECKOUT, line, offset, ack);
    }

    /** A slot holding {@code line} of {@code batch}, starting at {@code offset} of its file. */
    static Slot line(BatchMeta batch, String line, long offset, JournalAck ack) {
        Slot slot = new Slot();
        slot.fillLine(batch, BatchLines.of(new String[] {line}, new long[] {offset}), 0, ack);
        return slot;
    }
}
