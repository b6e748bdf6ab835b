package io.seismo.daemon.pipeline;

import io.seismo.daemon.metrics.DaemonMetrics;
import io.seismo.daemon.parse.LineParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ParseHandlerTest {
    @Test
    void shouldShowItsProgressWithinABatchOnlyOverSlotsItHasParsed() {
        List<Slot> ring = new ArrayList<>();
        LineParser parser = (line, out) -> {
            out.setMessage(line.toString());
            return true;
        };
        // The second of two parsers: it takes the odd sequences, the other one the even.
        ParseHandler handler = new ParseHandler(1, 2, new LineParser[] {parser}, new DaemonMetrics());
        // Every slot of this parser up to the value shown must be parsed already.
        RecordingProgress progress = new RecordingProgress(shown -> IntStream.rangeClosed(0, (int) shown)
                .filter(i -> i % 2 == 1).filter(i -> !ring.get(i).parsed).count());
        handler.setSequenceCallback(progress);

        int slots = 2 * ParseHandler.PROGRESS_SLOTS + 50;
        for (int i = 0; i < slots; i++) {
            ring.add(LineSlots.line("line " + i, i * 16L, null));
        }
        for (int i = 0; i < slots; i++) {
            handler.onEvent(ring.get(i), i, i == slots - 1);
        }

        // Shown every PROGRESS_SLOTS slots; the batch's end is the processor's to show.
        int every = ParseHandler.PROGRESS_SLOTS;
        assertThat(progress.shown).containsExactly(every - 1L, 2L * every - 1);
        assertThat(progress.probedWhenShown).containsOnly(0L);
        assertThat(ring.get(slots - 1).event().getMessage()).isEqualTo("line " + (slots - 1));
        assertThat(ring.get(slots - 2).parsed).isFalse(); // the other parser's
    }
}
