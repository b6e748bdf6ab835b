package io.seismo.rules.detect;

import static io.seismo.rules.RuleText.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.RuleText;
import io.seismo.rules.dsl.EventView;
import io.seismo.rules.dsl.MetricDefinition;
import io.seismo.rules.event.Event;
import io.seismo.rules.event.EventKind;
import io.seismo.rules.event.MetricSample;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.window.EvidenceSample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricDetectorStateTest {
    private static final MetricDefinition RULE = (MetricDefinition) RuleText.compile("""
            metric('pool') {
                name 'db_pool_in_use'
                window sliding(10.seconds, 5.seconds)
                fireWhen { max > 45 }
            }
            """).rules().get(0);
    private static final DetectorLimits LIMITS = new DetectorLimits(1_000_000_000L, 100, 3, 3, new EvidenceSample(), new EventView());

    @Test
    void shouldCarryOnFromARestoredStateExactlyAsTheOriginal() {
        MetricDetector original = new MetricDetector(RULE, LIMITS);
        feed(original, 1, 48);
        feed(original, 3, 40);
        List<Finding> fired = new ArrayList<>();
        original.evaluate(at(5), fired);
        original.retainFrom(at(10));

        StateOutput out = new StateOutput(256);
        original.writeState(out);
        byte[] bytes = out.toByteArray();
        MetricDetector restored = new MetricDetector(RULE, LIMITS);
        restored.readState(new StateInput(bytes, 0, bytes.length)).apply();

        List<Finding> fromOriginal = new ArrayList<>();
        List<Finding> fromRestored = new ArrayList<>();
        original.evaluate(at(10), fromOriginal);
        restored.evaluate(at(10), fromRestored);
        original.evaluate(at(15), fromOriginal);
        restored.evaluate(at(15), fromRestored);

        assertThat(fired).singleElement().satisfies(f -> assertThat(f.firing()).isTrue());
        assertThat(fromRestored).isEqualTo(fromOriginal).isNotEmpty();
    }

    private static void feed(MetricDetector detector, int second, double value) {
        Event sample = new Event();
        sample.setKind(EventKind.METRIC);
        sample.setService("db");
        sample.setMessage("db_pool_in_use");
        sample.putAttr(MetricSample.VALUE_ATTR, Double.toString(value));
        sample.setEventTimeNanos(at(second));
        detector.onEvent(sample, at(second));
    }
}
