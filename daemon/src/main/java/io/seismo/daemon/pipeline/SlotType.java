package io.seismo.daemon.pipeline;

/**
 * What a ring slot carries: a log line, a clock tick that lets time advance when no lines arrive, or a
 * checkpoint barrier that every handler acts on once everything published before it has passed.
 */
public enum SlotType {
    LINE, TICK, CHECKPOINT
}
