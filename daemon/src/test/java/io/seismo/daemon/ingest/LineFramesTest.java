package io.seismo.daemon.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineFramesTest {
    @Test
    void shouldCountTheLinesOfABodyThatEndsExactlyAfterItsLast() throws Exception {
        byte[] body = new FramedBody().line(0, "first").line(6, "").cut(7, "x".repeat(300)).bytes();

        assertThat(LineFrames.count(body, body.length)).isEqualTo(3);
        assertThat(LineFrames.count(body, 0)).as("an empty body holds no line").isZero();
    }

    @Test
    void shouldReadAnAsciiLineAsBytesLentFromTheBodyWithItsOffsetAndCut() throws Exception {
        byte[] body = new FramedBody().line(1L << 40, "{\"msg\":\"a \\\" b\"}\n\tnext").cut(7, "cut").bytes();
        Envelope envelope = new Envelope();

        int next = LineFrames.read(body, 0, envelope);

        assertThat(envelope.offset).isEqualTo(1L << 40);
        assertThat(envelope.truncated).isFalse();
        assertThat(envelope.lineBytes).isSameAs(body);
        assertThat(envelope.lineAscii).isTrue();
        assertThat(envelope.lineText()).isEqualTo("{\"msg\":\"a \\\" b\"}\n\tnext");
        assertThat(LineFrames.read(body, next, envelope)).isEqualTo(body.length);
        assertThat(envelope.offset).isEqualTo(7);
        assertThat(envelope.truncated).isTrue();
        assertThat(envelope.lineText()).isEqualTo("cut");
    }

    @Test
    void shouldReadALineThatIsNotAsciiAsUtf8ReplacingMalformedSequences() {
        byte[] malformed = {'a', (byte) 0xC3, 'b', (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xF0, (byte) 0x9F};
        byte[] body = new FramedBody().line(0, "naïve ☃ \uD83D\uDE00").line(30, 0, malformed).bytes();
        Envelope envelope = new Envelope();

        int next = LineFrames.read(body, 0, envelope);
        assertThat(envelope.lineBytes).isSameAs(body); // left where it is, as any line
        assertThat(envelope.lineAscii).isFalse();
        assertThat(envelope.lineText()).isEqualTo("naïve ☃ \uD83D\uDE00");

        LineFrames.read(body, next, envelope);
        assertThat(envelope.lineAscii).isFalse();
        assertThat(envelope.lineText()).isEqualTo(new String(malformed, StandardCharsets.UTF_8)).contains("\uFFFD");
    }

    @Test
    void shouldRefuseAHeaderCutShort() {
        byte[] body = new FramedBody().line(0, "whole").raw(new byte[] {0, 0, 0}).bytes();

        assertThatThrownBy(() -> LineFrames.count(body, body.length)).isInstanceOf(MalformedFramesException.class)
                .hasMessage("line 2 at byte 18: 3 bytes left, a line's header takes 13");
    }

    @Test
    void shouldRefuseALengthThatRunsPastTheBodysEnd() {
        byte[] shortBy1 = new FramedBody().header(0, 0, 6).raw("abcde".getBytes(StandardCharsets.US_ASCII)).bytes();
        byte[] unsignedHuge = new FramedBody().header(0, 0, -1).raw(new byte[8]).bytes();

        assertThatThrownBy(() -> LineFrames.count(shortBy1, shortBy1.length))
                .hasMessage("line 1 at byte 0: length 6 runs past the body's end (5 bytes left)");
        assertThatThrownBy(() -> LineFrames.count(unsignedHuge, unsignedHuge.length))
                .hasMessage("line 1 at byte 0: length 4294967295 runs past the body's end (8 bytes left)");
    }

    @Test
    void shouldRefuseFlagsItDoesNotKnow() {
        byte[] body = new FramedBody().line(0, "ok").line(2, 0x82, new byte[] {'x'}).bytes();

        assertThatThrownBy(() -> LineFrames.count(body, body.length))
                .hasMessage("line 2 at byte 15: flags 0x82 set bits that are not defined");
    }

    @Test
    void shouldKnowItsMediaTypeWithParametersAndInAnyCase() {
        assertThat(LineFrames.isMediaType("application/vnd.seismo.lines")).isTrue();
        assertThat(LineFrames.isMediaType("Application/VND.Seismo.Lines ; version=1")).isTrue();
        assertThat(LineFrames.isMediaType("application/x-ndjson")).isFalse();
        assertThat(LineFrames.isMediaType("application/vnd.seismo.lines2")).isFalse();
        assertThat(LineFrames.isMediaType(null)).isFalse();
    }
}
