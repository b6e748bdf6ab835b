package io.seismo.agent.ship;

import java.time.Duration;

/**
 * What to do with a batch after the daemon's answer.
 *
 * @param action what happens to the batch
 * @param delay  how long to wait before the next attempt (zero unless retried or split)
 * @param reason a human explanation for the log
 * @param loud   whether an operator must look (bad token, wrong URL, oversized lines)
 */
public record Decision(Action action, Duration delay, String reason, boolean loud) {
    public enum Action {
        /** The daemon has the lines: acknowledge up to the batch's last offset. */
        ACK,
        /** Send the same batch again after {@code delay}. */
        RETRY,
        /** Send its two halves instead, after {@code delay}. */
        SPLIT,
        /** One line the daemon will never take: count it as dropped and move past it. */
        DROP
    }
}
