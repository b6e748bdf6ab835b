package io.seismo.rules.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.event.Event;
import io.seismo.rules.event.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KeyedWindowsTest {
    private static final long SECOND = 1_000_000_000L;

    private final List<String> evicted = new ArrayList<>();
    private final EvidenceSample evidenceSample = new EvidenceSample();
    /** One holder refilled for each event, as a ring slot is. */
    private final Event holder = new Event();

    @Test
    void shouldCountATumblingWindowFromItsStartUpToButExcludingItsEnd() {
        KeyedWindows windows = windows(WindowSpec.tumbling(10 * SECOND), 10);

        windows.add("a", 0, Level.INFO, event("start", null));
        windows.add("a", 10 * SECOND - 1, Level.ERROR, event("last nanosecond", null));
        windows.add("a", 10 * SECOND, Level.WARN, event("next window", null));

        assertThat(countsAt(windows, 10 * SECOND)).containsEntry("a", List.of(2L, 1L, 0L));
        assertThat(countsAt(windows, 20 * SECOND)).containsEntry("a", List.of(1L, 0L, 1L));
    }

    @Test
    void shouldMoveASlidingWindowByItsSlide() {
        KeyedWindows windows = windows(WindowSpec.sliding(30 * SECOND, 10 * SECOND), 10);
        for (long second : new long[] {5, 15, 25, 35}) {
            windows.add("a", second * SECOND, Level.ERROR, event("e" + second, null));
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
        windows.add("a", 1 * SECOND, Level.INFO, event(null, null));
        windows.add("a", 2 * SECOND, Level.INFO, event(null, null));

        assertThat(spec.bucketNanos()).isEqualTo(2 * SECOND);
        // The window ending at 12 s starts at 2 s: the event at 1 s is out, the one at 2 s in.
        assertThat(countsAt(windows, 12 * SECOND)).containsEntry("a", List.of(1L, 0L, 0L));
    }

    @Test
    void shouldDropEventsOlderThanEveryWindowStillToBeEvaluated() {
        KeyedWindows windows = windows(WindowSpec.sliding(30 * SECOND, 10 * SECOND), 10);
        windows.add("a", 20 * SECOND, Level.INFO, event(null, null));

        windows.retainFrom(40 * SECOND);
        boolean tooOld = windows.add("a", 10 * SECOND - 1, Level.ERROR, event(null, null));
        boolean oldestRetained = windows.add("a", 10 * SECOND, Level.ERROR, event(null, null));

        assertThat(tooOld).isFalse();
        assertThat(oldestRetained).isTrue();
        assertThat(windows.droppedEvents()).isEqualTo(1);
        assertThat(countsAt(windows, 40 * SECOND)).containsEntry("a", List.of(2L, 1L, 0L));
    }

    @Test
    void shouldEvictTheKeyThatWentLongestWithoutAnEventWhenFull() {
        KeyedWindows windows = windows(WindowSpec.tumbling(10 * SECOND), 2);

        windows.add("a", SECOND, Level.INFO, event(null, null));
        windows.add("b", SECOND, Level.INFO, event(null, null));
        windows.add("a", 2 * SECOND, Level.INFO, event(null, null));
        windows.add("c", 3 * SECOND, Level.INFO, event(null, null));

        assertThat(evicted).containsExactly("b");
        assertThat(windows.evictions()).isEqualTo(1);
        assertThat(countsAt(windows, 10 * SECOND)).containsOnlyKeys("a", "c")
                .containsEntry("c", List.of(1L, 0L, 0L));
    }

    @Test
    void shouldForgetAKeyOnceNoWindowToComeHasItsDataUnlessItsConditionHolds() {
        KeyedWindows windows = windows(WindowSpec.tumbling(10 * SECOND), 10);
        windows.add("quiet", SECOND, Level.INFO, event(null, null));
        windows.add("firing", SECOND, Level.ERROR, event(null, null));
        windows.evaluate(10 * SECOND, (key, counts) -> windows.update(key, key.key().equals("firing"), 10 * SECOND));

        windows.retainFrom(20 * SECOND);

        assertThat(countsAt(windows, 20 * SECOND)).containsOnlyKeys("firing");
    }

    @Test
    void shouldKeepTheLatestErrorsAsEvidence() {
        KeyedWindows windows = windows(WindowSpec.tumbling(10 * SECOND), 10);
        windows.add("a", SECOND, Level.ERROR, event("first", "t1"));
        windows.add("a", 2 * SECOND, Level.INFO, event("fine", "t2"));
        windows.add("a", 3 * SECOND, Level.ERROR, event("second", "t3"));

        var evidence = windows.get("a").evidence(1, 5);

        assertThat(evidence.sampleMessages()).containsExactly("second");
        assertThat(evidence.traceIds()).containsExactly("t3", "t1");
    }

    @Test
    void shouldGiveTheLatestEventsAsEvidenceUntilThereIsAnErrorAndOnlyErrorsFromThen() {
        KeyedWindows windows = windows(WindowSpec.tumbling(10 * SECOND), 10);
        windows.add("a", SECOND, Level.INFO, event("started", "t1"));
        windows.add("a", 2 * SECOND, Level.WARN, event("slow", "t2"));

        assertThat(windows.get("a").evidence(5, 5).sampleMessages()).containsExactly("slow", "started");

        windows.add("a", 3 * SECOND, Level.ERROR, event("failed", "t3"));
        windows.add("a", 4 * SECOND, Level.INFO, event("recovered", "t4"));

        var evidence = windows.get("a").evidence(5, 5);
        assertThat(evidence.sampleMessages()).containsExactly("failed");
        assertThat(evidence.traceIds()).containsExactly("t3");
    }

    @Test
    void shouldKeepEachEventOfARefilledHolderAsItsOwnEvidenceInWindowsSharingTheEncoding() {
        KeyedWindows byUser = windows(WindowSpec.tumbling(10 * SECOND), 10);
        KeyedWindows byRoute = windows(WindowSpec.tumbling(10 * SECOND), 10);
        String[] messages = {"first", "second", "second"};
        String[] traceIds = {"trace-1", "trace-2", "trace-3"};
        for (int i = 0; i < messages.length; i++) {
            // The parser's way: the message set before the id, the id as characters into the same holder.
            if (i < 2) {
                holder.setMessage(messages[i]);
            }
            holder.setTraceId(traceIds[i].toCharArray(), 0, traceIds[i].length());
            byUser.add("user", (i + 1) * SECOND, Level.ERROR, holder);
            byRoute.add("route", (i + 1) * SECOND, Level.ERROR, holder);
        }

        for (WindowedKey key : List.of(byUser.get("user"), byRoute.get("route"))) {
            var evidence = key.evidence(5, 5);
            assertThat(evidence.sampleMessages()).containsExactly("second", "first");
            assertThat(evidence.traceIds()).containsExactly("trace-3", "trace-2", "trace-1");
        }
    }

    private KeyedWindows windows(WindowSpec spec, int maxKeys) {
        return new KeyedWindows(spec, 0, maxKeys, 5, evidenceSample, key -> evicted.add(key.key()));
    }

    private Event event(String message, String traceId) {
        holder.reset();
        holder.setMessage(message);
        holder.setTraceId(traceId);
        return holder;
    }

    /** key → [events, errors, warnings] of the window ending at {@code boundary}. */
    private static Map<String, List<Long>> countsAt(KeyedWindows windows, long boundary) {
        Map<String, List<Long>> counts = new TreeMap<>();
        windows.evaluate(boundary, (key, window) ->
                counts.put(key.key(), List.of(window.events(), window.errors(), window.warnings())));
        return counts;
    }
}
