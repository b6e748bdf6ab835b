package io.seismo.rules.engine;

import static io.seismo.rules.RuleText.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.seismo.rules.RuleText;
import io.seismo.rules.event.Event;
import io.seismo.rules.event.EventKind;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.testing.RecordingListener;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Processing time places events by when they were received, whatever the line says. */
class TimeModeTest {
    private static final String BURST = """
            threshold('burst') {
                window tumbling(10.seconds)
                fireWhen { errors >= 3 }
            }
            """;

    @Test
    void shouldWindowByReceiveTimeInProcessingMode() {
        RecordingListener findings = run(EngineOptions.defaults().withTimeMode(TimeMode.PROCESSING));

        assertThat(findings.findings()).extracting(Finding::firing, Finding::windowStartNanos)
                .containsExactly(tuple(true, at(0)), tuple(false, at(10)));
    }

    @Test
    void shouldWindowByTheLinesOwnTimeInEventMode() {
        RecordingListener findings = run(EngineOptions.defaults());

        assertThat(findings.findings()).as("the three errors claim to be hours apart").isEmpty();
    }

    /** Three errors received a second apart whose lines carry times hours apart, then quiet input. */
    private static RecordingListener run(EngineOptions options) {
        RecordingListener listener = new RecordingListener();
        CorrelationEngine engine = new CorrelationEngine(RuleText.compile(BURST), options, listener);
        Event event = new Event();
        for (int i = 0; i < 3; i++) {
            event.reset();
            event.setKind(EventKind.LOG);
            event.setService("checkout");
            event.setLevel(Level.ERROR);
            event.setMessage("payment failed");
            event.setReceiveTimeNanos(at(1 + i));
            event.setEventTimeNanos(at(1 + i) - Duration.ofHours(3L * i).toNanos());
            engine.onEvent(event);
        }
        event.reset();
        event.setKind(EventKind.LOG);
        event.setService("checkout");
        event.setReceiveTimeNanos(at(25));
        event.setEventTimeNanos(at(25));
        engine.onEvent(event);
        return listener;
    }
}
