package io.seismo.bench.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogFileBufferTest {

    @Test
    void shouldWriteHexAsSixteenLowerCaseDigits(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hex.log");
        try (LogFileBuffer buffer = new LogFileBuffer(file)) {
            buffer.putHex(0);
            buffer.putHex(-1);
            buffer.putHex(0x0123_4567_89AB_CDEFL);
            buffer.putHex(0xF0L);
        }
        assertThat(Files.readString(file)).isEqualTo(
                "0000000000000000" + "ffffffffffffffff" + "0123456789abcdef" + "00000000000000f0");
    }

    @Test
    void shouldWriteCountsInDecimalAndRefuseNegativeOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("decimal.log");
        long[] values = {0, 7, 9, 10, 99, 100, 1_000_000, Long.MAX_VALUE};
        StringBuilder expected = new StringBuilder();
        try (LogFileBuffer buffer = new LogFileBuffer(file)) {
            for (long value : values) {
                buffer.putDecimal(value);
                buffer.put(ascii(","));
                expected.append(value).append(',');
            }
            assertThatThrownBy(() -> buffer.putDecimal(-1)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Files.readString(file)).isEqualTo(expected.toString());
    }

    @Test
    void shouldKeepEveryByteInOrderAcrossWritesOfTheBuffer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mixed.log");
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder expected = new StringBuilder();
        try (LogFileBuffer buffer = new LogFileBuffer(file)) {
            while (expected.length() < 5 * LogFileBuffer.CAPACITY) {
                switch (random.nextInt(3)) {
                    case 0 -> {
                        String text = "piece-" + random.nextInt(1_000) + "x".repeat(random.nextInt(300));
                        buffer.put(ascii(text));
                        expected.append(text);
                    }
                    case 1 -> {
                        long value = random.nextLong();
                        buffer.putHex(value);
                        expected.append(String.format("%016x", value));
                    }
                    default -> {
                        long value = random.nextLong(Long.MAX_VALUE);
                        buffer.putDecimal(value);
                        expected.append(value);
                    }
                }
                assertThat(buffer.bytesPut()).isEqualTo(expected.length());
            }
            String larger = "y".repeat(LogFileBuffer.CAPACITY + 5);
            buffer.put(ascii(larger));
            expected.append(larger);
            assertThat(buffer.bytesPut()).isEqualTo(expected.length());
        }
        assertThat(Files.readString(file)).isEqualTo(expected.toString());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
