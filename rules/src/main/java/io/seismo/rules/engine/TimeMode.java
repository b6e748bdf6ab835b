package io.seismo.rules.engine;

/**
 * Which clock windows run on. Event time (the default) places each event by the time written in its line, so
 * a replay or a late batch lands in the right window. Processing time places it by when the daemon received
 * it: for logs whose own clocks cannot be trusted, at the price of windows that shift with shipping delays.
 */
public enum TimeMode {
    EVENT,
    PROCESSING
}
