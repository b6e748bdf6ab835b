package io.seismo.daemon.ingest;

/** What became of a batch offered to the ring; told on the event loop of the request that brought it. */
interface AdmissionOutcome {
    /**
     * Its new lines are in the ring ({@code accepted} of them, none when every line was one the source had already
     * sent); the batch's journal ack follows once they are durable.
     */
    void published(int accepted, int duplicates, long acceptedBytes);

    /** The ring had no room for it in time; nothing of it was taken. */
    void refused();
}
