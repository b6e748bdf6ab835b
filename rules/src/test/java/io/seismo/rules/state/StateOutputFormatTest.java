package io.seismo.rules.state;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast paths write exactly the bytes DataOutputStream writes, so snapshots keep their format. */
class StateOutputFormatTest {

    @Test
    void shouldWriteTheBytesDataOutputStreamWrites() throws IOException {
        String[] strings = {"", "checkout", "plain ascii with spaces", "caf\u00e9", "nul\u0000inside", "\uD83D\uDE00 emoji",
                "x".repeat(StateOutput.UTF_PIECE_CHARS)};
        StateOutput fast = new StateOutput(4);
        ByteArrayOutputStream expectedBytes = new ByteArrayOutputStream();
        DataOutputStream expected = new DataOutputStream(expectedBytes);

        for (long value : new long[] {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1_700_000_000_123_456_789L}) {
            fast.writeLong(value);
            expected.writeLong(value);
            fast.writeInt((int) value);
            expected.writeInt((int) value);
        }
        fast.writeBoolean(true);
        expected.writeBoolean(true);
        fast.writeBoolean(false);
        expected.writeBoolean(false);
        for (String value : strings) {
            fast.writeString(value);
            expected.writeByte(StateOutput.SHORT_STRING);
            expected.writeUTF(value);
        }
        fast.writeString(null);
        expected.writeByte(StateOutput.NULL_STRING);

        assertThat(fast.toByteArray()).isEqualTo(expectedBytes.toByteArray());
    }

    @Test
    void shouldPackLowercaseHexIdsTwoDigitsToAByteAfterTheirCount() {
        StateOutput out = new StateOutput(4);
        out.writeId("0af7");
        out.writeId("abc"); // an odd count: the last digit's byte is padded with zero

        assertThat(out.toByteArray()).containsExactly(StateOutput.HEX_STRING, 4, 0x0a, 0xf7 - 256,
                StateOutput.HEX_STRING, 3, 0xab - 256, 0xc0 - 256);
    }

    @Test
    void shouldFindWhereEachWrittenStringEnds() {
        String[] strings = {"", "b", "0af7651916cd43dd", "abc", "sp\u00e4n-\u00fc", "\uD83D\uDE00",
                "x".repeat(StateOutput.UTF_PIECE_CHARS), "y".repeat(StateOutput.UTF_PIECE_CHARS + 1),
                "\u00e9".repeat(2 * StateOutput.UTF_PIECE_CHARS + 7), null};
        StateOutput out = new StateOutput(4);
        int[] ends = new int[2 * strings.length];
        for (int i = 0; i < ends.length; i++) {
            String value = strings[i % strings.length];
            if (i < strings.length) {
                out.writeString(value);
            } else {
                out.writeId(value); // hex ones packed, the rest as strings
            }
            out.writeInt(i); // what follows a string must not be taken for part of it
            ends[i] = out.size() - Integer.BYTES;
        }
        byte[] written = out.toByteArray();

        int at = 0;
        for (int i = 0; i < ends.length; i++) {
            assertThat(StateOutput.endOfString(written, at)).as("end of string %d", i).isEqualTo(ends[i]);
            at = ends[i] + Integer.BYTES;
        }
    }
}
