package io.seismo.dist.demo;

/** Turns the subject of a call and its duration so far into a log message. */
@FunctionalInterface
interface Phrase {

    String render(String subject, long durationMs);
}
