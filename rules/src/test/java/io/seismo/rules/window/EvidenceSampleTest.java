package io.seismo.rules.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.Level;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import io.seismo.rules.testing.SyntheticEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A key's evidence keeps the event's message as a string and its trace id as an id: hex ids in half the bytes. */
class EvidenceSampleTest {

    @ParameterizedTest
    @ValueSource(strings = {"4bf92f3577b34da6a3ce929d0e0e4736", "trace-17"})
    void shouldEncodeTheMessageAndTheTraceIdAsAnIdAndReadBackBoth(String traceId) {
        Event event = new Event();
        SyntheticEvent.log(1, "checkout", Level.ERROR, "upstream timed out").withTrace(traceId).writeTo(event);

        StateOutput encoded = new EvidenceSample().of(event);

        StateOutput expected = new StateOutput(64);
        expected.writeString("upstream timed out");
        expected.writeId(traceId);
        byte[] bytes = encoded.toByteArray();
        assertThat(bytes).isEqualTo(expected.toByteArray());
        assertThat(bytes).hasSize(3 + 18 + (traceId.length() == 32 ? 2 + 16 : 3 + traceId.length()));
        StateInput in = new StateInput(bytes, 0, bytes.length);
        assertThat(in.readString("message")).isEqualTo("upstream timed out");
        assertThat(in.readString("trace id")).isEqualTo(traceId);
        in.expectEnd("a sample");
    }
}
