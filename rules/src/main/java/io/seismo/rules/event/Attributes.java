package io.seismo.rules.event;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An event's parsed fields, in the order they were put: a {@link NameTable} of names and an array of values, both
 * reused by a ring slot's event from line to line, where a HashMap allocated a node for every field of every line.
 * Not thread-safe.
 */
final class Attributes {
    private static final int FIRST_CAPACITY = 8;

    private final NameTable names = new NameTable();
    private String[] values = new String[FIRST_CAPACITY];
    private final Map<String, String> view = new View();

    /** The value put last under {@code name}, or null. */
    String get(String name) {
        int position = names.indexOf(name);
        return position < 0 ? null : values[position];
    }

    /** Puts {@code value} (which may be null) under {@code name}, in place of the value there if any. */
    void put(String name, String value) {
        int position = names.indexOf(Objects.requireNonNull(name, "an attribute's name"));
        if (position < 0) {
            position = names.add(name);
            if (position == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
        }
        values[position] = value;
    }

    /** Forgets every field (and the references to them) and keeps the arrays. */
    void clear() {
        Arrays.fill(values, 0, names.size(), null);
        names.clear();
    }

    void copyFrom(Attributes other) {
        clear();
        for (int i = 0; i < other.names.size(); i++) {
            put(other.names.nameAt(i), other.values[i]);
        }
    }

    /** A read-only map over the fields, in the order they were put; it follows later changes. */
    Map<String, String> asMap() {
        return view;
    }

    private final class View extends AbstractMap<String, String> {
        private final Set<Entry<String, String>> entries = new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.size();
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= names.size()) {
                            throw new NoSuchElementException();
                        }
                        int at = next++;
                        return new SimpleImmutableEntry<>(names.nameAt(at), values[at]);
                    }
                };
            }

            @Override
            public int size() {
                return names.size();
            }
        };

        @Override
        public Set<Entry<String, String>> entrySet() {
            return entries;
        }

        @Override
        public String get(Object key) {
            return key instanceof String name ? Attributes.this.get(name) : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && names.indexOf(name) >= 0;
        }

        @Override
        public int size() {
            return names.size();
        }
    }
}
