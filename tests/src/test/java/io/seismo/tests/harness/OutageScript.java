package io.seismo.tests.harness;

import java.time.Duration;
import java.util.List;

/**
 * How a receiver misbehaves over time: a list of phases, each a way of failing held for a while, counted from
 * the first request; after the last phase it answers 200. {@link #none()} answers 200 from the start.
 */
public final class OutageScript {
    /** One way of answering a request. */
    public enum Answer {
        /** Keeps the notification and answers 200. */
        OK,
        /** 500 Internal Server Error. */
        SERVER_ERROR,
        /** 429 Too Many Requests with {@code Retry-After: 1}. */
        TOO_MANY_REQUESTS,
        /** Reads the request and never answers: the sender's timeout must end it. */
        HANG,
        /**
         * Keeps the notification, as a receiver that acted on it, but never answers: the sender times out and
         * sends it again, which the receiver must be able to recognise as a resend.
         */
        KEEP_AND_HANG
    }

    /** One answer, given for the stated time. */
    public record Phase(Answer answer, Duration lasting) {
    }

    private final List<Phase> phases;
    private long firstRequestNanos = -1;

    private OutageScript(List<Phase> phases) {
        this.phases = List.copyOf(phases);
    }

    public static OutageScript none() {
        return new OutageScript(List.of());
    }

    public static OutageScript of(Phase... phases) {
        return new OutageScript(List.of(phases));
    }

    /** The answer for a request arriving now. */
    public synchronized Answer answerNow() {
        long now = System.nanoTime();
        if (firstRequestNanos < 0) {
            firstRequestNanos = now;
        }
        long elapsed = now - firstRequestNanos;
        for (Phase phase : phases) {
            elapsed -= phase.lasting().toNanos();
            if (elapsed < 0) {
                return phase.answer();
            }
        }
        return Answer.OK;
    }

    /** True once the first request came and every phase is over: from now on it answers 200. */
    public synchronized boolean over() {
        long total = phases.stream().mapToLong(p -> p.lasting().toNanos()).sum();
        return firstRequestNanos >= 0 && System.nanoTime() - firstRequestNanos >= total;
    }
}
