package io.seismo.daemon.pipeline;

import com.lmax.disruptor.Sequence;
import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.daemon.parse.LineParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ParseHandlerTest {
    private static final BatchMeta META = new BatchMeta("agent-1", "host-1", "checkout", "/var/log/checkout.log",
            "src-1", 0, 1_000_000, 0, 1L);

    @Test
    void shouldShowItsProgressWithinABatchOnlyOverSlotsItHasParsed() {
        List<Slot> ring = new ArrayList<>();
        LineParser parser = (line, out) -> {
            out.setMessage(line);
            return true;
        };
        // The second of two parsers: it takes the odd sequences, the other one the even.
        ParseHandler handler = new ParseHandler(1, 2, new LineParser[] {parser}, new DaemonMetrics());
        List<Long> shown = new ArrayList<>();
        List<Long> unparsedWhenShown = new ArrayList<>();
        handler.setSequenceCallback(new Sequence() {
            @Override
            public void set(long value) {
                shown.add(value);
                // Every slot of this parser up to the value shown must be parsed already.
                unparsedWhenShown.add(IntStream.rangeClosed(0, (int) value).filter(i -> i % 2 == 1)
                        .filter(i -> !ring.get(i).parsed).count());
                super.set(value);
            }
        });

        int slots = 2 * ParseHandler.PROGRESS_SLOTS + 50;
        for (int i = 0; i < slots; i++) {
            Slot slot = new Slot();
            slot.fillLine(META, "line " + i, i * 16L, false, null);
            ring.add(slot);
        }
        for (int i = 0; i < slots; i++) {
            handler.onEvent(ring.get(i), i, i == slots - 1);
        }

        // Shown every PROGRESS_SLOTS slots; the batch's end is the processor's to show.
        assertThat(shown).containsExactly(ParseHandler.PROGRESS_SLOTS - 1L, 2L * ParseHandler.PROGRESS_SLOTS - 1);
        assertThat(unparsedWhenShown).containsOnly(0L);
        assertThat(ring.get(slots - 1).event().getMessage()).isEqualTo("line " + (slots - 1));
        assertThat(ring.get(slots - 2).parsed).isFalse(); // the other parser's
    }
}
