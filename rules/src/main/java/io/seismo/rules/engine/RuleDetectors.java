package io.seismo.rules.engine;

import io.seismo.rules.correlate.CascadeDetector;
import io.seismo.rules.correlate.DependencyGraph;
import io.seismo.rules.detect.AbsenceDetector;
import io.seismo.rules.detect.AnyDetector;
import io.seismo.rules.detect.CardinalityDetector;
import io.seismo.rules.detect.ChangeDetector;
import io.seismo.rules.detect.Detector;
import io.seismo.rules.detect.DetectorLimits;
import io.seismo.rules.detect.MetricDetector;
import io.seismo.rules.detect.NewValueDetector;
import io.seismo.rules.detect.RatioDetector;
import io.seismo.rules.detect.SequenceDetector;
import io.seismo.rules.detect.SessionDetector;
import io.seismo.rules.detect.SpikeDetector;
import io.seismo.rules.detect.ThresholdDetector;
import io.seismo.rules.dsl.AbsenceDefinition;
import io.seismo.rules.dsl.AnyDefinition;
import io.seismo.rules.dsl.CardinalityDefinition;
import io.seismo.rules.dsl.CascadeDefinition;
import io.seismo.rules.dsl.ChangeDefinition;
import io.seismo.rules.dsl.MetricDefinition;
import io.seismo.rules.dsl.NewValueDefinition;
import io.seismo.rules.dsl.RatioDefinition;
import io.seismo.rules.dsl.RuleDefinition;
import io.seismo.rules.dsl.SequenceDefinition;
import io.seismo.rules.dsl.SessionDefinition;
import io.seismo.rules.dsl.SpikeDefinition;
import io.seismo.rules.dsl.ThresholdDefinition;
import io.seismo.rules.dsl.TracesDefinition;

/** The detector that runs each kind of rule (a rule whose windows another rule shares gets its own elsewhere). */
final class RuleDetectors {

    private RuleDetectors() {
    }

    /** A new detector for {@code rule}; a cascade reads the engine's dependency {@code graph}. */
    static Detector forRule(RuleDefinition rule, DetectorLimits limits, DependencyGraph graph) {
        if (rule instanceof ThresholdDefinition threshold) {
            return new ThresholdDetector(threshold, limits);
        }
        if (rule instanceof CascadeDefinition cascade) {
            return new CascadeDetector(cascade, graph, limits);
        }
        if (rule instanceof MetricDefinition metric) {
            return new MetricDetector(metric, limits);
        }
        if (rule instanceof AnyDefinition any) {
            return new AnyDetector(any, limits);
        }
        if (rule instanceof RatioDefinition ratio) {
            return new RatioDetector(ratio, limits);
        }
        if (rule instanceof SpikeDefinition spike) {
            return new SpikeDetector(spike, limits);
        }
        if (rule instanceof AbsenceDefinition absence) {
            return new AbsenceDetector(absence, limits);
        }
        if (rule instanceof NewValueDefinition newValue) {
            return new NewValueDetector(newValue, limits);
        }
        if (rule instanceof ChangeDefinition change) {
            return new ChangeDetector(change, limits);
        }
        if (rule instanceof SequenceDefinition sequence) {
            return new SequenceDetector(sequence, limits);
        }
        if (rule instanceof CardinalityDefinition cardinality) {
            return new CardinalityDetector(cardinality, limits);
        }
        if (rule instanceof TracesDefinition traces) {
            return new ThresholdDetector(traces, limits);
        }
        if (rule instanceof SessionDefinition session) {
            return new SessionDetector(session, limits);
        }
        throw new IllegalArgumentException("no detector for rule kind " + rule.kind());
    }
}
