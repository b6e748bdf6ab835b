package io.seismo.rules.dsl;

import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.window.WindowSpec;
import java.util.Map;

/** A rule as loaded: immutable, shareable between engines; each engine builds its own detector from it. */
public sealed interface RuleDefinition permits ThresholdDefinition, CascadeDefinition, MetricDefinition, AnyDefinition, RatioDefinition, SpikeDefinition, AbsenceDefinition, NewValueDefinition, ChangeDefinition, SequenceDefinition, CardinalityDefinition, SessionDefinition, TracesDefinition {

    String name();

    /** The kind of findings the rule produces. */
    FindingKind kind();

    String file();

    /** The line of the rule file where the rule starts. */
    int line();

    Severity severity();

    /** The user's labels, in the order written. */
    Map<String, String> labels();

    WindowSpec window();

    /** What the rule compares, in words, for findings and {@code rules check}. */
    String conditionText();

    /**
     * The services whose events the rule's detector can react to; the engine shows it no others. A rule
     * kind that looks at every event (absence of anything, say) keeps the default, {@link ServiceGuard#ANY}.
     */
    default ServiceGuard serviceGuard() {
        return ServiceGuard.ANY;
    }
}
