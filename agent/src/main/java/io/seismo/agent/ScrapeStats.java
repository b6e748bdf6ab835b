package io.seismo.agent;

import java.util.Map;

/**
 * What the scrape targets have done since the agent started.
 *
 * @param succeeded        scrapes that returned an exposition
 * @param failed           scrapes that did not (refused, timed out, non-200, too large)
 * @param skipped          scrapes not started because the target's earlier samples still waited for the daemon
 * @param samples          samples taken from successful scrapes
 * @param badLines         exposition lines that did not parse (skipped; the rest of the scrape is kept)
 * @param ackedSequences   per target URL, the number of the first sample the daemon has not acknowledged
 */
public record ScrapeStats(long succeeded, long failed, long skipped, long samples, long badLines,
                          Map<String, Long> ackedSequences) {
    public ScrapeStats {
        ackedSequences = Map.copyOf(ackedSequences);
    }
}
