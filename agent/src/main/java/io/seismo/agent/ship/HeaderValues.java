package io.seismo.agent.ship;

import java.nio.charset.StandardCharsets;

/**
 * Makes a path or service name safe as an HTTP header value: printable ASCII passes unchanged, every other
 * byte of its UTF-8 form is percent-encoded (so {@code /var/log/café.log} becomes {@code /var/log/caf%C3%A9.log})
 * rather than making the HTTP client throw.
 */
final class HeaderValues {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HeaderValues() {
    }

    static String safe(String value) {
        if (isPrintableAscii(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >>> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isPrintableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }
}
