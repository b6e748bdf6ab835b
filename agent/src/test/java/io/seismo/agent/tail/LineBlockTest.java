package io.seismo.agent.tail;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class LineBlockTest {

    @Test
    void shouldHandOnExactlyTheVerifiedLinesInOrderWhateverTheSequenceOfCalls() {
        SplittableRandom random = new SplittableRandom(11);
        LineBlock block = new LineBlock();
        // The model: lines verified and waiting, and lines added since the last verify.
        Deque<HandedLine> waiting = new ArrayDeque<>();
        List<HandedLine> unverified = new ArrayList<>();
        long verifiedEnd = 0;
        for (int step = 0; step < 20_000; step++) {
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    long offset = unverified.isEmpty() ? verifiedEnd
                            : unverified.get(unverified.size() - 1).endOffset();
                    HandedLine line = randomLine(random, offset);
                    byte[] src = new byte[line.bytes().length + 8];
                    int from = random.nextInt(8);
                    System.arraycopy(line.bytes(), 0, src, from, line.bytes().length);
                    block.add(line.offset(), line.endOffset(), src, from, line.bytes().length, line.truncated());
                    unverified.add(line);
                }
                case 2 -> {
                    ReadTally tally = block.verify();
                    assertThat(tally.lines()).isEqualTo(unverified.size());
                    assertThat(tally.truncatedLines())
                            .isEqualTo(unverified.stream().filter(HandedLine::truncated).count());
                    if (!unverified.isEmpty()) {
                        verifiedEnd = unverified.get(unverified.size() - 1).endOffset();
                        assertThat(block.verifiedEndOffset()).isEqualTo(verifiedEnd);
                        assertThat(tally.bytes()).isEqualTo(verifiedEnd - unverified.get(0).offset());
                    }
                    waiting.addAll(unverified);
                    unverified.clear();
                }
                case 3 -> {
                    block.discardUnverified();
                    unverified.clear();
                }
                case 4 -> {
                    int accept = random.nextInt(5);
                    List<HandedLine> handed = new ArrayList<>();
                    long end = block.handTo(line -> handed.size() < accept && handed.add(HandedLine.copyOf(line)));
                    for (HandedLine line : handed) {
                        assertThat(line).isEqualTo(waiting.pollFirst());
                    }
                    assertThat(end).isEqualTo(handed.isEmpty() ? -1 : handed.get(handed.size() - 1).endOffset());
                }
                default -> {
                    // A read starts only once the last one was verified or discarded.
                    if (unverified.isEmpty()) {
                        block.dropHanded();
                    }
                }
            }
            assertThat(block.hasWaiting()).isEqualTo(!waiting.isEmpty());
            long waitingFrom = waiting.isEmpty() ? unverified.isEmpty() ? 0 : unverified.get(0).offset()
                    : waiting.peekFirst().offset();
            long waitingTo = unverified.isEmpty() ? waiting.isEmpty() ? 0 : waiting.peekLast().endOffset()
                    : unverified.get(unverified.size() - 1).endOffset();
            assertThat(block.waitingFileBytes()).isEqualTo(waitingTo - waitingFrom);
        }
    }

    /** A line at {@code offset} whose file bytes may exceed its kept bytes, as a cut line's do. */
    private static HandedLine randomLine(SplittableRandom random, long offset) {
        byte[] bytes = new byte[random.nextInt(random.nextInt(10) == 0 ? 3000 : 40)];
        random.nextBytes(bytes);
        boolean cut = random.nextInt(8) == 0;
        long fileBytes = bytes.length + 1 + (cut ? random.nextInt(100) : 0);
        return new HandedLine(offset, offset + fileBytes, bytes, cut);
    }
}
