package io.seismo.rules.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateRoundTripTest {

    @Test
    void shouldReadBackEveryKindOfString() {
        String longest = "ü".repeat(StateOutput.UTF_PIECE_CHARS); // 3 bytes a char: exactly one full piece
        String pieces = "a\uD83D\uDE00".repeat(StateOutput.UTF_PIECE_CHARS); // surrogate pairs cut between pieces
        List<String> values = Arrays.asList("", "checkout", null, longest, longest + "x", pieces);
        StateOutput out = new StateOutput(16);
        values.forEach(out::writeString);

        StateInput in = inputOf(out);
        for (String value : values) {
            assertThat(in.readNullableString("value")).isEqualTo(value);
        }
        in.expectEnd("strings");
    }

    @Test
    void shouldReadBackNumbersFlagsListsAndSections() {
        StateOutput section = new StateOutput(16);
        section.writeStrings(List.of("a", "b"));
        StateOutput out = new StateOutput(16);
        out.writeLong(-5);
        out.writeInt(7);
        out.writeBoolean(true);
        out.writeSection(section);
        out.writeLong(42);

        StateInput in = inputOf(out);
        assertThat(in.readLong("long")).isEqualTo(-5);
        assertThat(in.readInt("int")).isEqualTo(7);
        assertThat(in.readBoolean("flag")).isTrue();
        StateInput inner = in.readSection("section");
        assertThat(inner.readStrings("list")).containsExactly("a", "b");
        inner.expectEnd("section");
        assertThat(in.readTime("time")).isEqualTo(42);
        in.expectEnd("all");
    }

    @Test
    void shouldRejectACountTheRemainingBytesCannotHold() {
        StateOutput out = new StateOutput(16);
        out.writeInt(1_000);
        out.writeLong(1);

        assertThatExceptionOfType(CorruptStateException.class)
                .isThrownBy(() -> inputOf(out).readCount("keys", Long.BYTES))
                .withMessageContaining("number of keys is 1000 but only 8 bytes are left");
    }

    @Test
    void shouldRejectACountAboveTheEngineBound() {
        StateOutput out = new StateOutput(16);
        out.writeInt(3);

        assertThatExceptionOfType(CorruptStateException.class)
                .isThrownBy(() -> inputOf(out).readCount("keys", 2, 0))
                .withMessageContaining("outside 0..2");
    }

    @Test
    void shouldRejectWhatCannotBeWhatItClaims() {
        byte[] two = {2};
        byte[] badTag = {9};
        byte[] farFuture = {0x7f, 0, 0, 0, 0, 0, 0, 0};

        assertThatExceptionOfType(CorruptStateException.class)
                .isThrownBy(() -> new StateInput(two, 0, 1).readBoolean("flag")).withMessageContaining("not a boolean");
        assertThatExceptionOfType(CorruptStateException.class)
                .isThrownBy(() -> new StateInput(badTag, 0, 1).readString("name")).withMessageContaining("not a string");
        assertThatExceptionOfType(CorruptStateException.class)
                .isThrownBy(() -> new StateInput(farFuture, 0, 8).readTime("time")).withMessageContaining("plausible");
        assertThatExceptionOfType(CorruptStateException.class)
                .isThrownBy(() -> new StateInput(farFuture, 0, 4).readLong("time")).withMessageContaining("ends early");
    }

    private static StateInput inputOf(StateOutput out) {
        byte[] bytes = out.toByteArray();
        return new StateInput(bytes, 0, bytes.length);
    }
}
