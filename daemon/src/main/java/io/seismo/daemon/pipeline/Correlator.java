package io.seismo.daemon.pipeline;

import io.seismo.rules.event.Event;

/**
 * The stage after journal and parsers: the single writer of all detection state. The pipeline calls it on
 * one thread only; it must not keep the event past the call.
 */
public interface Correlator {
    void onEvent(Event event);

    void onTick(long nowNanos);
}
