package io.seismo.daemon.ruletest;

import io.seismo.rules.finding.Finding;

import java.util.List;

/**
 * What a replay saw: every fire and resolve in the order the engine reported them, and how much of the
 * input could be used.
 *
 * @param lines        lines read, over all inputs
 * @param parseFailed  lines the parser could not read (still counted by rules, as in the daemon)
 * @param withoutTime  lines with no usable time: a replay has no receive time to fall back on, so these are
 *                     not correlated
 * @param late         events behind the watermark (out of order by more than the allowed lateness)
 */
public record ReplayResult(List<Finding> transitions, long lines, long parseFailed, long withoutTime, long late) {
    public ReplayResult {
        transitions = List.copyOf(transitions);
    }

    public long firings() {
        return transitions.stream().filter(Finding::firing).count();
    }

    public long resolves() {
        return transitions.size() - firings();
    }
}
