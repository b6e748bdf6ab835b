package io.seismo.rules.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.SimpleType;
import io.seismo.rules.correlate.ServiceEdge;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.sandbox.RuleApi;
import io.seismo.rules.window.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The body of {@code cascade(name) { … }}: when a service counts as unhealthy, and how close onsets must be. */
@RuleApi
public final class CascadeSpec extends RuleSpec {
    static final WindowSpec DEFAULT_WINDOW = WindowSpec.sliding(Duration.ofSeconds(30).toNanos(), Duration.ofSeconds(1).toNanos());
    static final Duration DEFAULT_WITHIN = Duration.ofMinutes(2);

    private long withinNanos = DEFAULT_WITHIN.toNanos();
    private RuleClosure unhealthyWhen;
    private final List<ServiceEdge> declaredEdges = new ArrayList<>();

    CascadeSpec() {
        super(Severity.CRITICAL, DEFAULT_WINDOW);
    }

    /**
     * Declares that {@code caller} calls each of {@code callees}: {@code calls 'checkout', 'payments', 'inventory'}.
     * Declared calls count like calls learned from traces, from the start and for good; use them for
     * dependencies traces do not show (no trace ids in the logs, a database, a queue).
     */
    public void calls(String caller, String... callees) {
        if (caller == null || caller.isBlank() || callees.length == 0) {
            throw new IllegalArgumentException("calls needs a caller and at least one callee: calls 'checkout', 'payments'");
        }
        for (String callee : callees) {
            if (callee == null || callee.isBlank() || callee.equals(caller)) {
                throw new IllegalArgumentException("calls '" + caller + "': a callee must be another service, not '" + callee + "'");
            }
            declaredEdges.add(new ServiceEdge(caller, callee));
        }
    }

    /** Services whose onsets are at most this far from the root's belong to its cascade. */
    public void within(Duration span) {
        this.withinNanos = nanos(span, "within");
    }

    /** The health condition over each service's window: sees {@code count}, {@code errors}, {@code warnings}, {@code errorRatio}. */
    public void unhealthyWhen(@DelegatesTo(value = WindowView.class, strategy = Closure.DELEGATE_FIRST)
                              @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.WindowView") Closure<?> condition) {
        unhealthyWhen(null, condition);
    }

    public void unhealthyWhen(String sourceText,
                              @DelegatesTo(value = WindowView.class, strategy = Closure.DELEGATE_FIRST)
                              @ClosureParams(value = SimpleType.class, options = "io.seismo.rules.dsl.WindowView") Closure<?> condition) {
        this.unhealthyWhen = ruleClosure(condition, sourceText, "unhealthyWhen");
    }

    CascadeDefinition build(String name, String file, int line) {
        if (unhealthyWhen == null) {
            throw new IllegalArgumentException("cascade needs a health condition: unhealthyWhen { errors >= 5 && errorRatio > 0.2 }");
        }
        return new CascadeDefinition(name, file, line, chosenSeverity(), chosenLabels(), chosenWindow(), withinNanos, unhealthyWhen,
                declaredEdges);
    }
}
