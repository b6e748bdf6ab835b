package io.seismo.rules.dsl;

import java.util.List;
import java.util.stream.Collectors;

/** Rule files that do not compile or do not define valid rules; carries every problem found, in file order. */
public final class RuleLoadException extends Exception {
    private final List<RuleProblem> problems;

    public RuleLoadException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
