package io.seismo.rules.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.event.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KeyedWindowsTest {
    private static final long SECOND = 1_000_000_000L;

    private final List<String> evicted = new ArrayList<>();

    @Test
    void shouldCountATumblingWindowFromItsStartUpToButExcludingItsEnd() {
        KeyedWindows windows = windows(WindowSpec.tumbling(10 * SECOND), 10);

        windows.add("a", 0, Level.INFO, "start", null);
        windows.add("a", 10 * SECOND - 1, Level.ERROR, "last nanosecond", null);
        windows.add("a", 10 * SECOND, Level.WARN, "next window", null);

        assertThat(countsAt(windows, 10 * SECOND)).containsEntry("a", List.of(2L, 1L, 0L));
        assertThat(countsAt(windows, 20 * SECOND)).containsEntry("a", List.of(1L, 0L, 1L));
    }

    @Test
    void shouldMoveASlidingWindowByItsSlide() {
        KeyedWindows windows = windows(WindowSpec.sliding(30 * SECOND, 10 * SECOND), 10);
        for (long second : new long[] {5, 15, 25, 35}) {
            windows.add("a", second * SECOND, Level.ERROR, "e" + second, null);
        }

        assertThat(countsAt(windows, 30 * SECOND)).containsEntry("a", List.of(3L, 3L, 0L));
        assertThat(countsAt(windows, 40 * SECOND)).containsEntry("a", List.of(3L, 3L, 0L));
        assertThat(countsAt(windows, 50 * SECOND)).containsEntry("a", List.of(2L, 2L, 0L));
        assertThat(countsAt(windows, 60 * SECOND)).containsEntry("a", List.of(1L, 1L, 0L));
        assertThat(countsAt(windows, 70 * SECOND)).containsEntry("a", List.of(0L, 0L, 0L));
    }

    @Test
    void shouldUseBucketsOfTheGreatestCommonDivisorOfSizeAndSlide() {
        WindowSpec spec = WindowSpec.sliding(10 * SECOND, 4 * SECOND);
        KeyedWindows windows = windows(spec, 10);
        windows.add("a", 1 * SECOND, Level.INFO, null, null);
        windows.add("a", 2 * SECOND, Level.INFO, null, null);

        assertThat(spec.bucketNanos()).isEqualTo(2 * SECOND);
        // The window ending at 12 s starts at 2 s: the event at 1 s is out, the one at 2 s in.
        assertThat(countsAt(windows, 12 * SECOND)).containsEntry("a", List.of(1L, 0L, 0L));
    }

    @Test
    void shouldDropEventsOlderThanEveryWindowStillToBeEvaluated() {
        KeyedWindows windows = windows(WindowSpec.sliding(30 * SECOND, 10 * SECOND), 10);
        windows.add("a", 20 * SECOND, Level.INFO, null, null);

        windows.retainFrom(40 * SECOND);
        boolean tooOld = windows.add("a", 10 * SECOND - 1, Level.ERROR, null, null);
        boolean oldestRetained = windows.add("a", 10 * SECOND, Level.ERROR, null, null);

        assertThat(tooOld).isFalse();
        assertThat(oldestRetained).isTrue();
        assertThat(windows.droppedEvents()).isEqualTo(1);
        assertThat(countsAt(windows, 40 * SECOND)).containsEntry("a", List.of(2L, 1L, 0L));
    }

    @Test
    void shouldEvictTheKeyThatWentLongestWithoutAnEventWhenFull() {
        KeyedWindows windows = windows(WindowSpec.tumbling(10 * SECOND), 2);

        windows.add("a", SECOND, Level.INFO, null, null);
        windows.add("b", SECOND, Level.INFO, null, null);
        windows.add("a", 2 * SECOND, Level.INFO, null, null);
        windows.add("c", 3 * SECOND, Level.INFO, null, null);

        assertThat(evicted).containsExactly("b");
        assertThat(windows.evictions()).isEqualTo(1);
        assertThat(countsAt(windows, 10 * SECOND)).containsOnlyKeys("a", "c")
                .containsEntry("c", List.of(1L, 0L, 0L));
    }

    @Test
    void shouldForgetAKeyOnceNoWindowToComeHasItsDataUnlessItsConditionHolds() {
        KeyedWindows windows = windows(WindowSpec.tumbling(10 * SECOND), 10);
        windows.add("quiet", SECOND, Level.INFO, null, null);
        windows.add("firing", SECOND, Level.ERROR, null, null);
        windows.evaluate(10 * SECOND, (key, counts) -> key.update(key.key().equals("firing"), 10 * SECOND));

        windows.retainFrom(20 * SECOND);

        assertThat(countsAt(windows, 20 * SECOND)).containsOnlyKeys("firing");
    }

    @Test
    void shouldKeepTheLatestErrorsAsEvidence() {
        KeyedWindows windows = windows(WindowSpec.tumbling(10 * SECOND), 10);
        windows.add("a", SECOND, Level.ERROR, "first", "t1");
        windows.add("a", 2 * SECOND, Level.INFO, "fine", "t2");
        windows.add("a", 3 * SECOND, Level.ERROR, "second", "t3");

        var evidence = windows.get("a").evidence(1, 5);

        assertThat(evidence.sampleMessages()).containsExactly("second");
        assertThat(evidence.traceIds()).containsExactly("t3", "t1");
    }

    private KeyedWindows windows(WindowSpec spec, int maxKeys) {
        return new KeyedWindows(spec, 0, maxKeys, 5, key -> evicted.add(key.key()));
    }

    /** key → [events, errors, warnings] of the window ending at {@code boundary}. */
    private static Map<String, List<Long>> countsAt(KeyedWindows windows, long boundary) {
        Map<String, List<Long>> counts = new TreeMap<>();
        windows.evaluate(boundary, (key, window) ->
                counts.put(key.key(), List.of(window.events(), window.errors(), window.warnings())));
        return counts;
    }
}
