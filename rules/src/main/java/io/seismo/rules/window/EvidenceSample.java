package io.seismo.rules.window;

import io.seismo.rules.event.Event;
import io.seismo.rules.state.StateOutput;

/**
 * An event's message and trace id encoded as a key keeps them for evidence (the message as {@link
 * StateOutput#writeString}, the trace id as {@link StateOutput#writeId}: a hex id in half the bytes), shared by
 * the keyed windows of one engine thread: an event that counts for five rules is encoded once, not five times.
 * The encoding is reused while it is of the same event holder at the same {@link Event#revision()}, so a holder
 * refilled with the next event is encoded anew. Not thread-safe.
 */
public final class EvidenceSample {
    private final StateOutput encoded = new StateOutput(256);
    private Event encodedEvent;
    private long encodedRevision;

    /** {@code event}'s message and trace id, encoded; valid until the next call. */
    StateOutput of(Event event) {
        if (event != encodedEvent || event.revision() != encodedRevision) {
            encoded.reset();
            encoded.writeString(event.getMessage());
            encoded.writeId(event.traceIdText());
            encodedEvent = event;
            encodedRevision = event.revision();
        }
        return encoded;
    }
}
