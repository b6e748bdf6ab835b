package io.seismo.agent.ship;

import java.time.Duration;

/**
 * Maps the daemon's answer to a {@link Decision}: 2xx acknowledges; 429 and 503 wait for {@code Retry-After}
 * (or back off); other 5xx and connection failures back off; 413 splits the batch and sends the halves with
 * the usual backoff (splitting is the fix, so there is no point waiting the longest delay; a single line
 * that is still too large is dropped); 401, 403 and other 4xx are an operator's problem, retried slowly and
 * loudly.
 */
public final class ResponsePolicy {
    private final Backoff backoff;

    public ResponsePolicy(Backoff backoff) {
        this.backoff = backoff;
    }

    /**
     * @param failuresSoFar consecutive failures of this batch before this answer
     * @param lineCount     lines in the batch
     */
    public Decision decide(ShipResult result, int failuresSoFar, int lineCount) {
        int failures = failuresSoFar + 1;
        if (!result.answered()) {
            return retry(backoff.afterFailures(failures), "daemon unreachable: " + describe(result.failure()), false);
        }
        int status = result.status();
        if (status >= 200 && status < 300) {
            return new Decision(Decision.Action.ACK, Duration.ZERO, "accepted", false);
        }
        if (status == 413) {
            return lineCount > 1
                    ? new Decision(Decision.Action.SPLIT, backoff.afterFailures(failures),
                            "daemon says the batch is too large (413); sending it in halves", true)
                    : new Decision(Decision.Action.DROP, Duration.ZERO,
                            "daemon refuses a single line as too large (413); dropping it", true);
        }
        if (status == 429 || status == 503) {
            Duration wait = result.retryAfterSeconds().isPresent()
                    ? backoff.retryAfter(result.retryAfterSeconds().getAsLong())
                    : backoff.afterFailures(failures);
            return retry(wait, "daemon busy (" + status + ")", false);
        }
        if (status >= 500) {
            return retry(backoff.afterFailures(failures), "daemon error (" + status + ")", false);
        }
        String why = status == 401 || status == 403
                ? "daemon rejects the agent's token (" + status + "); check daemon.token"
                : "daemon answers " + status + "; check daemon.url";
        return retry(backoff.slow(), why, true);
    }

    private static Decision retry(Duration delay, String reason, boolean loud) {
        return new Decision(Decision.Action.RETRY, delay, reason, loud);
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
