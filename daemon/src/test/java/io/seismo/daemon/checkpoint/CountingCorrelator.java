package io.seismo.daemon.checkpoint;

import io.seismo.daemon.pipeline.Correlator;
import io.seismo.rules.event.Event;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** A fake correlator with state to save: how often it saw each message. */
final class CountingCorrelator implements Correlator {
    private final Map<String, Integer> counts = new ConcurrentSkipListMap<>();

    @Override
    public void onEvent(Event event) {
        counts.merge(event.getMessage(), 1, Integer::sum);
    }

    @Override
    public void onTick(long nowNanos) {
    }

    @Override
    public byte[] snapshot() {
        StringBuilder out = new StringBuilder();
        counts.forEach((message, count) -> out.append(message).append('=').append(count).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void restore(byte[] state) {
        for (String entry : new String(state, StandardCharsets.UTF_8).split("\n")) {
            if (!entry.isEmpty()) {
                int eq = entry.lastIndexOf('=');
                counts.put(entry.substring(0, eq), Integer.parseInt(entry.substring(eq + 1)));
            }
        }
    }

    Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
