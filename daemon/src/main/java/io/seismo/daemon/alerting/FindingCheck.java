package io.seismo.daemon.alerting;

import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.FindingKind;

import java.util.Optional;

/** What alerting needs from a finding before it can act on it; a finding that lacks it is skipped and counted. */
final class FindingCheck {

    private FindingCheck() {
    }

    /** Why this finding cannot be used, or empty when it can. */
    static Optional<String> problem(Finding finding) {
        if (finding == null) {
            return Optional.of("finding is null");
        }
        if (finding.ruleName() == null || finding.ruleName().isBlank()) {
            return Optional.of("finding has no rule name");
        }
        if (finding.kind() == null) {
            return Optional.of("finding of rule '" + finding.ruleName() + "' has no kind");
        }
        if (finding.severity() == null) {
            return Optional.of("finding of rule '" + finding.ruleName() + "' has no severity");
        }
        boolean cascadeKind = finding.kind() == FindingKind.CASCADE;
        if (cascadeKind != finding.isCascade()) {
            return Optional.of("finding of rule '" + finding.ruleName() + "' is of kind " + finding.kind()
                    + (cascadeKind ? " but has no cascade detail" : " but carries cascade detail"));
        }
        if (cascadeKind && (finding.cascade().rootService() == null || finding.cascade().rootService().isBlank())) {
            return Optional.of("cascade finding of rule '" + finding.ruleName() + "' names no root service");
        }
        return Optional.empty();
    }
}
