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

    @Test
    void shouldReadBackIdsAsTheStringsTheyWereWhicheverWayTheyArePacked() {
        String hex255 = "0123456789abcdef".repeat(16).substring(0, StateOutput.MAX_HEX_CHARS);
        List<String> values = Arrays.asList("0af7651916cd43dd", "4bf92f3577b34da6a3ce929d0e0e4736", "abc", "7",
                hex255, hex255 + "a", "0AF7651916CD43DD", "span-12", "g", "", "sp\u00e4n", null);
        StateOutput out = new StateOutput(16);
        int[] sizes = new int[values.size()];
        for (int i = 0; i < values.size(); i++) {
            int before = out.size();
            out.writeId(values.get(i));
            sizes[i] = out.size() - before;
        }

        StateInput in = inputOf(out);
        for (String value : values) {
            assertThat(in.readNullableString("id")).isEqualTo(value);
        }
        in.expectEnd("ids");
        // Lowercase hex up to 255 digits goes two to a byte after a tag and a count; anything else as a string.
        assertThat(sizes).containsExactly(2 + 8, 2 + 16, 2 + 2, 2 + 1, 2 + 128, 3 + 256, 3 + 16, 3 + 7, 3 + 1, 3, 3 + 5,
                1);
    }

    @Test
    void shouldReadBackVariableLengthNumbersInAsFewBytesAsTheyNeed() {
        long[] values = {0, 1, 127, 128, 16_383, 16_384, 3_600_000_000_000L, Integer.MAX_VALUE, Long.MAX_VALUE, -1,
                Long.MIN_VALUE};
        int[] expectedSizes = {1, 1, 1, 2, 2, 3, 6, 5, 9, 10, 10};
        StateOutput out = new StateOutput(4); // small chunks: numbers are cut between them
        int[] sizes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            int before = out.size();
            out.writeVarLong(values[i]);
            sizes[i] = out.size() - before;
        }

        StateInput in = inputOf(out);
        for (long value : values) {
            assertThat(in.readVarLong("number")).isEqualTo(value);
        }
        in.expectEnd("numbers");
        assertThat(sizes).containsExactly(expectedSizes);
    }

    @Test
    void shouldReadTimesCountsAndIndexesSavedAsVariableLengthNumbers() {
        long start = 1_700_000_000_000_000_000L;
        StateOutput out = new StateOutput(16);
        out.writeVarLong(2_500_000_000L);
        out.writeVarLong(3);
        out.writeVarLong(Integer.MAX_VALUE);
        out.writeVarLong(12);
        out.writeByte(0xA5);

        StateInput in = inputOf(out);
        assertThat(in.readTimeAfter(start, "end")).isEqualTo(start + 2_500_000_000L);
        assertThat(in.readVarCount("spans", 3, 1)).isEqualTo(3);
        assertThat(in.readVarIndex("service")).isEqualTo(Integer.MAX_VALUE);
        assertThat(in.readVarCounter("events")).isEqualTo(12);
        assertThat(in.readByte("flags")).isEqualTo(0xA5);
        in.expectEnd("all");
    }

    @Test
    void shouldRejectVariableLengthNumbersThatCannotBeWhatTheyClaim() {
        StateOutput huge = new StateOutput(16);
        huge.writeVarLong(-1);
        StateOutput pastInt = new StateOutput(16);
        pastInt.writeVarLong(Integer.MAX_VALUE + 1L);
        StateOutput farAfter = new StateOutput(16);
        farAfter.writeVarLong(StateInput.LATEST_PLAUSIBLE_NANOS);
        byte[] elevenBytes = new byte[11];
        Arrays.fill(elevenBytes, (byte) 0x80);
        byte[] cut = {(byte) 0x80, (byte) 0x80};
        byte[] hexOfNothing = {StateOutput.HEX_STRING, 0};
        byte[] hexCut = {StateOutput.HEX_STRING, 5, 0x12};

        assertThatExceptionOfType(CorruptStateException.class)
                .isThrownBy(() -> new StateInput(elevenBytes, 0, 11).readVarLong("count"))
                .withMessageContaining("ten bytes");
        assertThatExceptionOfType(CorruptStateException.class)
                .isThrownBy(() -> new StateInput(cut, 0, 2).readVarLong("count")).withMessageContaining("ends early");
        assertThatExceptionOfType(CorruptStateException.class)
                .isThrownBy(() -> inputOf(huge).readVarCounter("events")).withMessageContaining("negative");
        assertThatExceptionOfType(CorruptStateException.class)
                .isThrownBy(() -> inputOf(huge).readVarCount("spans", 10, 0)).withMessageContaining("outside 0..10");
        assertThatExceptionOfType(CorruptStateException.class)
                .isThrownBy(() -> inputOf(pastInt).readVarIndex("service")).withMessageContaining("not an index");
        assertThatExceptionOfType(CorruptStateException.class)
                .isThrownBy(() -> inputOf(huge).readTimeAfter(0, "end")).withMessageContaining("plausible");
        assertThatExceptionOfType(CorruptStateException.class)
                .isThrownBy(() -> inputOf(farAfter).readTimeAfter(1, "end")).withMessageContaining("plausible");
        assertThatExceptionOfType(CorruptStateException.class)
                .isThrownBy(() -> new StateInput(hexOfNothing, 0, 2).readString("id"))
                .withMessageContaining("no digits");
        assertThatExceptionOfType(CorruptStateException.class)
                .isThrownBy(() -> new StateInput(hexCut, 0, 3).readString("id")).withMessageContaining("ends early");
    }

    private static StateInput inputOf(StateOutput out) {
        byte[] bytes = out.toByteArray();
        return new StateInput(bytes, 0, bytes.length);
    }
}
