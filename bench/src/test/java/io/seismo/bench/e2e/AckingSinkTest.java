package io.seismo.bench.e2e;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

class AckingSinkTest {
    @Test
    void shouldCountTheFramedLinesOfABodyWhateverBytesTheyHold() {
        byte[] newlines = "\n\n\n\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteBuffer body = ByteBuffer.allocate(3 * 13 + newlines.length + 300);
        body.putLong(0).put((byte) 0).putInt(newlines.length).put(newlines);
        body.putLong(5).put((byte) 1).putInt(300).put(new byte[300]);
        body.putLong(306).put((byte) 0).putInt(0);

        assertThat(AckingSink.framedLines(body.array())).isEqualTo(3);
        assertThat(AckingSink.framedLines(new byte[0])).isZero();
    }
}
