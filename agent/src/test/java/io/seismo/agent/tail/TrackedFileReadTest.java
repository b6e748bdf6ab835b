package io.seismo.agent.tail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a file's lines into its block, verifying them and handing them on, against real files. */
class TrackedFileReadTest {
    private static final int MAX_LINE_BYTES = 32;
    private static final String[] PIECES = {"a", "z", " ", "\"", "\r", "\t", "é", "日", "😀"};

    @TempDir
    Path dir;

    @Test
    void shouldHandOnTheLinesOfAReferenceSplitWhateverTheChunksReadAheadAndRefusals() throws IOException {
        for (int seed = 0; seed < 40; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] content = randomLines(random, 300);
            Path log = dir.resolve("random-" + seed + ".log");
            int firstWrite = 1 + random.nextInt(content.length);
            Files.write(log, Arrays.copyOf(content, firstWrite));
            TrackedFile file = attached(log, MAX_LINE_BYTES);
            List<HandedLine> expected = referenceSplit(content);
            List<HandedLine> handed = new ArrayList<>();
            int truncatedRead = 0;
            long waitingBytes = 0;
            int written = firstWrite;
            int steps = 0;
            while ((written < content.length || handed.size() < expected.size()) && steps++ < 100_000) {
                if (written < content.length && random.nextInt(3) == 0) {
                    int piece = Math.min(content.length - written, 1 + random.nextInt(400));
                    Files.write(log, Arrays.copyOfRange(content, written, written + piece), StandardOpenOption.APPEND);
                    written += piece;
                }
                int readAheadBytes = 1 + random.nextInt(500);
                ReadTally tally = file.read(ByteBuffer.allocate(1 + random.nextInt(100)), readAheadBytes, 0);
                if (waitingBytes >= readAheadBytes) {
                    assertThat(tally.lines()).as("nothing read beyond the read-ahead").isZero();
                }
                waitingBytes += tally.bytes();
                truncatedRead += tally.truncatedLines();
                int accept = random.nextInt(6);
                List<HandedLine> round = new ArrayList<>();
                file.handTo(line -> round.size() < accept && round.add(HandedLine.copyOf(line)));
                for (HandedLine line : round) {
                    waitingBytes -= line.endOffset() - line.offset();
                    file.acknowledge(line.endOffset());
                }
                handed.addAll(round);
            }

            assertThat(handed).as("seed %d", seed).isEqualTo(expected);
            assertThat(truncatedRead).isEqualTo(expected.stream().filter(HandedLine::truncated).count());
            assertThat(file.read(ByteBuffer.allocate(64), 1024, 0).lines()).as("the unfinished line stays").isZero();
            assertThat(file.isDrained()).isTrue();
        }
    }

    @Test
    void shouldDiscardTheLinesOfAReadWhenTheFileTurnsOutReplaced() throws IOException {
        readReplacedFile("first");
    }

    @Test
    void shouldDiscardTheLinesOfAReadWhenAFileLongerThanItsFingerprintTurnsOutReplaced() throws IOException {
        readReplacedFile("first " + "x".repeat(FileHead.MAX_LENGTH));
    }

    /** A file whose first line is {@code first} is read, then rewritten in place with other content, longer. */
    private void readReplacedFile(String first) throws IOException {
        Path log = dir.resolve("app.log");
        Files.writeString(log, first + "\n");
        TrackedFile file = attached(log, 1 << 16);
        assertThat(file.read(ByteBuffer.allocate(64), 1 << 20, 0).lines()).isEqualTo(1);

        // The read goes on past the first line into the new content, and finds the head changed.
        Files.writeString(log, first.replace("first", "other") + "\nsecond\nthird\n");
        assertThat(file.read(ByteBuffer.allocate(64), 1 << 20, 0).lines()).isZero();

        assertThat(file.isOpen()).isFalse();
        // The identity carries on in a copy of the content it had (as after a copytruncate): from its first line on.
        Path copy = dir.resolve("app.log.1");
        Files.writeString(copy, first + "\nnext\n");
        OpenFile reopened = OpenFile.open(copy);
        file.attach(reopened, copy, reopened.head(), 0, 0);
        assertThat(file.read(ByteBuffer.allocate(64), 1 << 20, 0).lines()).isEqualTo(1);

        List<HandedLine> handed = new ArrayList<>();
        file.handTo(line -> handed.add(HandedLine.copyOf(line)));
        int next = first.length() + 1;
        assertThat(handed).containsExactly(HandedLine.of(0, next, first, false),
                HandedLine.of(next, next + 5, "next", false));
    }

    @Test
    void shouldFillTheSameBlockReadAfterReadWithoutGrowingIt() throws IOException {
        Path log = dir.resolve("app.log");
        String line = "x".repeat(250) + "\n";
        Files.writeString(log, line.repeat(400));
        TrackedFile file = attached(log, MAX_LINE_BYTES * 10);
        ByteBuffer scratch = ByteBuffer.allocate(64 * 1024);
        Set<byte[]> arrays = new HashSet<>();
        long offset = 0;
        for (int read = 0; read < 20; read++) {
            // 100 kB a read: more than the block starts with, so the first read grows it and the others reuse it.
            assertThat(file.read(scratch, 1 << 20, 0).lines()).isEqualTo(400);
            long[] expectedOffset = {offset};
            file.handTo(view -> {
                assertThat(view.offset()).isEqualTo(expectedOffset[0]);
                expectedOffset[0] = view.endOffset();
                arrays.add(view.bytes());
                return true;
            });
            offset = expectedOffset[0];
            Files.writeString(log, line.repeat(400), StandardOpenOption.APPEND);
        }

        assertThat(offset).isEqualTo(20L * 400 * line.length());
        assertThat(arrays).as("one array for every read").hasSize(1);
    }

    private static TrackedFile attached(Path log, int maxLineBytes) throws IOException {
        OpenFile open = OpenFile.open(log);
        TrackedFile file = new TrackedFile("src", "svc", maxLineBytes, 0, true);
        file.attach(open, log, open.head(), 0, 0);
        return file;
    }

    /** Lines of random lengths, some longer than the limit, of ASCII, multi-byte characters and stray {@code \r}. */
    private static byte[] randomLines(SplittableRandom random, int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            int pieces = random.nextInt(4) == 0 ? random.nextInt(80) : random.nextInt(12);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            text.append(random.nextBoolean() ? "\n" : "\r\n");
        }
        // An unfinished last line, which is never handed on.
        text.append("unfinished");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The agent's line rules written the plain way: split on newlines, drop one \r, cut on a character boundary. */
    private static List<HandedLine> referenceSplit(byte[] content) {
        List<HandedLine> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] != '\n') {
                continue;
            }
            int end = i > start && content[i - 1] == '\r' ? i - 1 : i;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean cut = end - start > MAX_LINE_BYTES;
            int length = end - start;
            if (cut) {
                length = MAX_LINE_BYTES;
                while (length > 0 && (content[start + length] & 0xC0) == 0x80) {
                    length--;
                }
            }
            line.write(content, start, length);
            lines.add(new HandedLine(start, i + 1, line.toByteArray(), cut));
            start = i + 1;
        }
        return lines;
    }
}
