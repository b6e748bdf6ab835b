package io.seismo.rules.detect;

import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StagedRestore;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * A rule's state per key, at most {@code maxKeys} of them: when full, the key used least recently is
 * forgotten for a new one, counted, and handed to {@code onEvicted} so a firing key can still resolve.
 * Snapshots keep the recency order, so a restored table evicts exactly what the original would have.
 *
 * @param <V> the mutable state of one key, owned by the detector's thread
 */
public final class KeyTable<V> {
    private final Map<String, V> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final int maxKeys;
    private final BiConsumer<String, V> onEvicted;
    private long evictions;

    public KeyTable(int maxKeys, BiConsumer<String, V> onEvicted) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("a rule needs room for at least one key, got " + maxKeys);
        }
        this.maxKeys = maxKeys;
        this.onEvicted = onEvicted;
    }

    /** The key's state, created (evicting the least recently used key if full) when it has none yet. */
    public V touch(String key, Function<String, V> create) {
        V state = entries.get(key);
        if (state != null) {
            return state;
        }
        if (entries.size() >= maxKeys) {
            Iterator<Map.Entry<String, V>> eldest = entries.entrySet().iterator();
            Map.Entry<String, V> evicted = eldest.next();
            eldest.remove();
            evictions++;
            onEvicted.accept(evicted.getKey(), evicted.getValue());
        }
        state = create.apply(key);
        entries.put(key, state);
        return state;
    }

    /** Visits every key, oldest use first, without touching it; keys for which {@code keep} is false are dropped. */
    public void sweep(BiPredicate<String, V> keep) {
        entries.entrySet().removeIf(entry -> !keep.test(entry.getKey(), entry.getValue()));
    }

    /**
     * Drops keys, least recently used first, while {@code stale} holds for them; stops at the first that is
     * not, so a sweep costs what it drops.
     */
    public void dropOldestWhile(BiPredicate<String, V> stale) {
        Iterator<Map.Entry<String, V>> oldest = entries.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, V> entry = oldest.next();
            if (!stale.test(entry.getKey(), entry.getValue())) {
                return;
            }
            oldest.remove();
        }
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    public long evictions() {
        return evictions;
    }

    public void writeTo(StateOutput out, BiConsumer<StateOutput, V> writer) {
        out.writeLong(evictions);
        out.writeInt(entries.size());
        entries.forEach((key, state) -> {
            out.writeString(key);
            writer.accept(out, state);
        });
    }

    /**
     * Reads what {@link #writeTo} wrote, checking it against this table's bound; nothing changes until
     * the result is applied.
     */
    public StagedRestore readState(StateInput in, int minStateBytes, Function<StateInput, V> reader) {
        long savedEvictions = in.readCounter("keys evicted");
        int count = in.readCount("keys", maxKeys, StateInput.MIN_STRING_BYTES + minStateBytes);
        Map<String, V> saved = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String key = in.readString("key");
            if (saved.put(key, reader.apply(in)) != null) {
                throw new CorruptStateException("key '" + key + "' is saved twice");
            }
        }
        return () -> {
            evictions = savedEvictions;
            entries.clear();
            entries.putAll(saved);
        };
    }
}
