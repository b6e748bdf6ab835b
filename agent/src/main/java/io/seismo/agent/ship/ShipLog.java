package io.seismo.agent.ship;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs delivery trouble the way an operator wants to read it: one warning when the daemon stops taking
 * batches and one line when it takes them again (not one per retry of every file); problems only an
 * operator can fix (token, URL, oversized lines) at error level every time they happen.
 */
public final class ShipLog {
    private static final Logger LOG = LoggerFactory.getLogger(ShipLog.class);

    private final String daemonUrl;
    private boolean failing;
    private long failuresInStreak;

    public ShipLog(String daemonUrl) {
        this.daemonUrl = daemonUrl;
    }

    public void record(Decision decision, Batch batch) {
        if (decision.action() == Decision.Action.ACK) {
            if (failing) {
                LOG.info("daemon at {} accepts batches again (after {} failed attempts)", daemonUrl, failuresInStreak);
                failing = false;
                failuresInStreak = 0;
            }
            return;
        }
        if (decision.action() == Decision.Action.DROP) {
            LOG.error("{} [{}]", decision.reason(), batch);
            return;
        }
        failuresInStreak++;
        if (decision.loud()) {
            LOG.error("{} [{}]; next attempt in {} ms", decision.reason(), batch, decision.delay().toMillis());
        } else if (!failing) {
            LOG.warn("{}; backing off and keeping offsets where they are (the files are the buffer)",
                    decision.reason());
        } else {
            LOG.debug("{} [{}]; next attempt in {} ms", decision.reason(), batch, decision.delay().toMillis());
        }
        failing = true;
    }
}
