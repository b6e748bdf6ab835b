package io.seismo.rules.event;

import io.seismo.rules.state.StateOutput;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class HeldTextTest {

    @Test
    void shouldHandOutTheSameIdAsCharactersAndAsOneStringMadeOnce() {
        Event event = new Event();
        char[] line = "xx00f067aa0ba902b7yy".toCharArray();
        event.setSpanId(line, 2, 18);
        line[2] = 'Z'; // the parser's characters may change after the call

        assertThat(event.spanIdText()).hasToString("00f067aa0ba902b7");
        assertThat(event.getSpanId()).isEqualTo("00f067aa0ba902b7").isSameAs(event.getSpanId());
        assertThat(event.parentSpanIdText()).isNull();
        assertThat(event.getParentSpanId()).isNull();
    }

    @Test
    void shouldHoldATraceIdAsCharactersUntilAskedForItsString() {
        Event event = new Event();
        char[] line = "trace_id=4bf92f3577b34da6".toCharArray();
        event.setTraceId(line, 9, line.length);
        line[9] = 'Z';

        assertThat(event.traceIdText()).hasToString("4bf92f3577b34da6");
        assertThat(event.getTraceId()).isEqualTo("4bf92f3577b34da6").isSameAs(event.getTraceId());
        event.setTraceId(null);
        assertThat(event.traceIdText()).isNull();
        assertThat(event.getTraceId()).isNull();
    }

    @Test
    void shouldForgetTheIdOnResetAndCopyEitherForm() {
        Event parsed = new Event();
        parsed.setSpanId("abc".toCharArray(), 0, 3);
        parsed.setParentSpanId("parent");
        Event copy = new Event();
        copy.copyFrom(parsed);
        parsed.reset();

        assertThat(parsed.getSpanId()).isNull();
        assertThat(parsed.spanIdText()).isNull();
        assertThat(copy.getSpanId()).isEqualTo("abc");
        assertThat(copy.getParentSpanId()).isEqualTo("parent");
        parsed.setSpanId("".toCharArray(), 0, 0);
        assertThat(parsed.getSpanId()).isEmpty(); // an empty id is an id, as an empty String was
    }

    @Test
    void shouldBeWrittenToASnapshotExactlyAsItsString() {
        SplittableRandom random = new SplittableRandom(5);
        Event event = new Event();
        for (int i = 0; i < 10_000; i++) {
            StringBuilder id = new StringBuilder();
            int length = random.nextInt(40);
            for (int c = 0; c < length; c++) {
                // Mostly ASCII; sometimes NUL, Latin-1, a CJK character or half a surrogate pair.
                id.append(switch (random.nextInt(20)) {
                    case 0 -> (char) 0;
                    case 1 -> (char) (0x80 + random.nextInt(0x80));
                    case 2 -> (char) (0x4E00 + random.nextInt(100));
                    case 3 -> (char) 0xD83D;
                    default -> (char) (0x21 + random.nextInt(0x5E));
                });
            }
            char[] chars = id.toString().toCharArray();
            event.setSpanId(chars, 0, chars.length);
            StateOutput fromChars = new StateOutput(64);
            fromChars.writeString(event.spanIdText());
            StateOutput fromString = new StateOutput(64);
            fromString.writeString(id.toString());

            assertThat(fromChars.toByteArray()).as("bytes of %s", id).isEqualTo(fromString.toByteArray());
        }
    }

    @Test
    void shouldWriteManyIdsAcrossChunkEdgesAsTheirStrings() {
        SplittableRandom random = new SplittableRandom(6);
        Event event = new Event();
        // A 16-byte first chunk: ids land across chunk edges, where the output switches to byte by byte.
        StateOutput fromChars = new StateOutput(16);
        StateOutput fromStrings = new StateOutput(16);
        for (int i = 0; i < 2_000; i++) {
            String id = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            event.setTraceId(id.toCharArray(), 0, id.length());
            fromChars.writeString(event.traceIdText());
            fromStrings.writeString(id);
        }

        assertThat(fromChars.toByteArray()).isEqualTo(fromStrings.toByteArray());
    }

    @Test
    void shouldLendItsCharactersOnlyWhileItHoldsNoString() {
        Event event = new Event();
        event.setTraceId("4bf92f3577b34da6".toCharArray(), 0, 16);
        HeldText held = (HeldText) event.traceIdText();

        assertThat(new String(held.charArray(), 0, held.length())).isEqualTo("4bf92f3577b34da6");
        event.getTraceId();
        assertThat(held.charArray()).isNull();
        event.setTraceId("from a String");
        assertThat(held.charArray()).isNull();
        assertThat(held).hasToString("from a String");
    }
}
