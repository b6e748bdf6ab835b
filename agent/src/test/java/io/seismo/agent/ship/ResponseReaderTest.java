package io.seismo.agent.ship;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseReaderTest {

    @Test
    void shouldReadABodyOfContentLengthAndLeaveTheNextAnswerUntouched() throws IOException {
        InputStream in = stream("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 14\r\n\r\n"
                + "{\"accepted\":3}"
                + "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 7\r\ncontent-length: 0\r\n\r\n");

        DaemonAnswer first = ResponseReader.read(in);
        DaemonAnswer second = ResponseReader.read(in);

        assertThat(first).isEqualTo(new DaemonAnswer(200, "", "{\"accepted\":3}", true));
        assertThat(second).isEqualTo(new DaemonAnswer(503, "7", "", true));
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void shouldJoinChunksSkippingExtensionsAndTrailers() throws IOException {
        InputStream in = stream("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\n{\"acc\r\n"
                + "A\r\nepted\":3}\n\r\n"
                + "0\r\nX-Trailer: yes\r\n\r\n"
                + "next");

        DaemonAnswer answer = ResponseReader.read(in);

        assertThat(answer).isEqualTo(new DaemonAnswer(200, "", "{\"accepted\":3}\n", true));
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("next");
    }

    @Test
    void shouldNotKeepAConnectionTheDaemonClosesOrWhoseBodyEndsWithIt() throws IOException {
        assertThat(ResponseReader.read(stream("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}"))
                .keepAlive()).isFalse();
        assertThat(ResponseReader.read(stream("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}")).keepAlive()).isFalse();
        assertThat(ResponseReader.read(stream("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\n{}"))
                .keepAlive()).isTrue();

        DaemonAnswer untilEnd = ResponseReader.read(stream("HTTP/1.1 413 Payload Too Large\r\n\r\ntoo large"));
        assertThat(untilEnd).isEqualTo(new DaemonAnswer(413, "", "too large", false));
    }

    @Test
    void shouldSkipInterimAnswersAndReadNoBodyWhereTheStatusHasNone() throws IOException {
        InputStream in = stream("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        assertThat(ResponseReader.read(in)).isEqualTo(new DaemonAnswer(204, "", "", true));
        assertThat(ResponseReader.read(in).status()).isEqualTo(200);
    }

    @Test
    void shouldKeepTheStartOfALongBodyAndReadTheRest() throws IOException {
        int length = ResponseReader.KEPT_BODY_BYTES + 10_000;
        InputStream in = stream("HTTP/1.1 500 Oops\r\nContent-Length: " + length + "\r\n\r\n" + "x".repeat(length) + "after");

        DaemonAnswer answer = ResponseReader.read(in);

        assertThat(answer.body()).hasSize(ResponseReader.KEPT_BODY_BYTES);
        assertThat(answer.keepAlive()).isTrue();
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("after");
    }

    @Test
    void shouldRefuseWhatIsNotAWellFormedAnswer() {
        assertRefused("SSH-2.0-OpenSSH_9.2\r\n\r\n",
                "HTTP/1.x status line");
        assertRefused("HTTP/1.1 2x0 OK\r\n\r\n",
                "bad status code");
        assertRefused("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
                "malformed header");
        assertRefused("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                "Content-Length");
        assertRefused("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
                "Content-Length");
        assertRefused("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                "chunk size");
        assertRefused("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}}\r\n",
                "does not end where its size says");
        assertRefused("HTTP/1.1 101 Switching Protocols\r\n\r\n",
                "unexpected status 101");
    }

    private static void assertRefused(String answer, String reason) {
        assertThatThrownBy(() -> ResponseReader.read(stream(answer)))
                .isInstanceOf(ProtocolException.class).hasMessageContaining(reason);
    }

    @Test
    void shouldRefuseAHeadLongerThanItsBound() {
        String padding = "X-Padding: " + "p".repeat(ResponseReader.MAX_HEAD_BYTES) + "\r\n";

        assertThatThrownBy(() -> ResponseReader.read(stream("HTTP/1.1 200 OK\r\n" + padding + "\r\n")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("longer than");
    }

    @Test
    void shouldSayWhenTheDaemonHungUpInTheMiddleOfItsAnswer() {
        assertThatThrownBy(() -> ResponseReader.read(stream("HTTP/1.1 200 OK\r\nContent-Le")))
                .isInstanceOf(EOFException.class).hasMessageContaining("head");
        assertThatThrownBy(() -> ResponseReader.read(stream("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}")))
                .isInstanceOf(EOFException.class).hasMessageContaining("8 bytes before the end");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
