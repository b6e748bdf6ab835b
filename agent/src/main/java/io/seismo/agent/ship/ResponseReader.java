package io.seismo.agent.ship;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response: the status line, the headers, then a body framed by {@code Content-Length}, by
 * chunked transfer coding, or by the end of the connection; interim 1xx answers are skipped. Everything a peer
 * sends is bounded so that a misbehaving one cannot make the agent buffer without end: the head to
 * {@value #MAX_HEAD_BYTES} bytes, the body kept to {@value #KEPT_BODY_BYTES} bytes (the rest is read and
 * dropped, so the connection can be used again). Anything malformed is a {@link ProtocolException}, after which
 * the connection must be closed.
 */
final class ResponseReader {
    static final int MAX_HEAD_BYTES = 16 * 1024;
    static final int KEPT_BODY_BYTES = 64 * 1024;
    private static final int SKIP_BYTES = 8 * 1024;

    private ResponseReader() {
    }

    static DaemonAnswer read(InputStream in) throws IOException {
        while (true) {
            Head head = Head.read(in);
            if (head.status == 101 || head.status < 100) {
                throw new ProtocolException("unexpected status " + head.status + " from the daemon");
            }
            if (head.status < 200) {
                continue;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            boolean delimited = readBody(in, head, body);
            return new DaemonAnswer(head.status, head.retryAfter, body.toString(StandardCharsets.UTF_8),
                    head.keepAlive && delimited);
        }
    }

    /** @return false when the body ran to the end of the connection, which then cannot be used again */
    private static boolean readBody(InputStream in, Head head, ByteArrayOutputStream body) throws IOException {
        if (head.status == 204 || head.status == 304) {
            return true;
        }
        if (head.chunked) {
            readChunks(in, body);
            return true;
        }
        if (head.contentLength >= 0) {
            copy(in, head.contentLength, body);
            return true;
        }
        copy(in, Long.MAX_VALUE, body);
        return false;
    }

    private static void readChunks(InputStream in, ByteArrayOutputStream body) throws IOException {
        int[] headBudget = {MAX_HEAD_BYTES};
        while (true) {
            String sizeLine = line(in, headBudget);
            int extension = sizeLine.indexOf(';');
            long size = hex(extension < 0 ? sizeLine.trim() : sizeLine.substring(0, extension).trim());
            if (size == 0) {
                while (!line(in, headBudget).isEmpty()) {
                    // trailer fields carry nothing the agent reads
                }
                return;
            }
            copy(in, size, body);
            if (!line(in, headBudget).isEmpty()) {
                throw new ProtocolException("a chunk of the daemon's answer does not end where its size says");
            }
        }
    }

    /** Reads {@code length} bytes (or to the end when unbounded), keeping the first {@value #KEPT_BODY_BYTES}. */
    private static void copy(InputStream in, long length, ByteArrayOutputStream body) throws IOException {
        byte[] buffer = new byte[(int) Math.min(SKIP_BYTES, Math.max(1, length))];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                if (length == Long.MAX_VALUE) {
                    return;
                }
                throw new EOFException("the daemon closed the connection " + left + " bytes before the end of its answer");
            }
            body.write(buffer, 0, Math.min(n, Math.max(0, KEPT_BODY_BYTES - body.size())));
            left -= n;
        }
    }

    private static long hex(String digits) throws ProtocolException {
        if (digits.isEmpty() || digits.length() > 15) {
            throw new ProtocolException("bad chunk size '" + digits + "' in the daemon's answer");
        }
        try {
            return Long.parseLong(digits, 16);
        } catch (NumberFormatException e) {
            throw new ProtocolException("bad chunk size '" + digits + "' in the daemon's answer");
        }
    }

    /** One line without its CR LF, charged to {@code budget[0]}. */
    private static String line(InputStream in, int[] budget) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the daemon closed the connection in the middle of its answer's head");
            }
            if (--budget[0] < 0) {
                throw new ProtocolException("the daemon's answer has a head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
    }

    /** The status line and the headers the agent acts on. */
    private static final class Head {
        int status;
        long contentLength = -1;
        boolean chunked;
        boolean keepAlive;
        String retryAfter = "";

        static Head read(InputStream in) throws IOException {
            int[] budget = {MAX_HEAD_BYTES};
            Head head = new Head();
            String statusLine = line(in, budget);
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
                throw new ProtocolException("the daemon's answer does not start with an HTTP/1.x status line: '"
                        + abbreviate(statusLine) + "'");
            }
            head.status = status(statusLine);
            head.keepAlive = statusLine.charAt(7) != '0';
            for (String field = line(in, budget); !field.isEmpty(); field = line(in, budget)) {
                head.take(field);
            }
            return head;
        }

        private void take(String field) throws ProtocolException {
            int colon = field.indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException("malformed header in the daemon's answer: '" + abbreviate(field) + "'");
            }
            String name = field.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = field.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
                case "connection" -> connection(value.toLowerCase(Locale.ROOT));
                case "retry-after" -> retryAfter = value;
                default -> {
                    // the rest are of no use to the agent
                }
            }
        }

        private void contentLength(String value) throws ProtocolException {
            long length;
            try {
                length = value.length() > 18 ? -1 : Long.parseLong(value);
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 0 || contentLength >= 0 && contentLength != length) {
                throw new ProtocolException("bad Content-Length '" + abbreviate(value) + "' in the daemon's answer");
            }
            contentLength = length;
        }

        private void connection(String tokens) {
            for (String token : tokens.split(",")) {
                if (token.trim().equals("close")) {
                    keepAlive = false;
                } else if (token.trim().equals("keep-alive")) {
                    keepAlive = true;
                }
            }
        }

        private static int status(String statusLine) throws ProtocolException {
            int status = 0;
            for (int i = 9; i < 12; i++) {
                char c = statusLine.charAt(i);
                if (c < '0' || c > '9') {
                    throw new ProtocolException("bad status code in the daemon's answer: '" + abbreviate(statusLine) + "'");
                }
                status = status * 10 + (c - '0');
            }
            return status;
        }

        private static String abbreviate(String text) {
            return text.length() <= 80 ? text : text.substring(0, 80) + "...";
        }
    }
}
