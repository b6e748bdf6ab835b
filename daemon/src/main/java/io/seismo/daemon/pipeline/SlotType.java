package io.seismo.daemon.pipeline;

/** What a ring slot carries: a log line, or a clock tick that lets time advance when no lines arrive. */
public enum SlotType {
    LINE, TICK
}
