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
 * A value may be put as characters ({@link HeldText}, reused the same way): it becomes a String when first read.
 * Not thread-safe.
 */
final class Attributes {
    private static final int FIRST_CAPACITY = 8;

    private final NameTable names = new NameTable();
    private String[] values = new String[FIRST_CAPACITY];
    /** Per position, a holder for a value put as characters; made once a position first takes one. */
    private HeldText[] texts = new HeldText[FIRST_CAPACITY];
    private final Map<String, String> view = new View();

    /** The value put last under {@code name}, or null. */
    String get(String name) {
        int position = names.indexOf(name);
        return position < 0 ? null : valueAt(position);
    }

    /** Puts {@code value} (which may be null) under {@code name}, in place of the value there if any. */
    void put(String name, String value) {
        int position = positionOf(name);
        values[position] = value;
        if (texts[position] != null) {
            texts[position].clear();
        }
    }

    /** Puts characters {@code start} to {@code end} of {@code chars}, copied, in place of the value there if any. */
    void put(String name, char[] chars, int start, int end) {
        int position = positionOf(name);
        values[position] = null;
        holderAt(position).set(chars, start, end);
    }

    /** Forgets every field (and the references to them) and keeps the arrays and holders. */
    void clear() {
        for (int i = 0; i < names.size(); i++) {
            values[i] = null;
            if (texts[i] != null) {
                texts[i].clear();
            }
        }
        names.clear();
    }

    void copyFrom(Attributes other) {
        clear();
        for (int i = 0; i < other.names.size(); i++) {
            int position = positionOf(other.names.nameAt(i));
            values[position] = other.values[i];
            if (other.texts[i] != null && other.texts[i].isPresent()) {
                holderAt(position).copyFrom(other.texts[i]);
            }
        }
    }

    /** The position of {@code name}, added at the end if it is not there yet. */
    private int positionOf(String name) {
        int position = names.indexOf(Objects.requireNonNull(name, "an attribute's name"));
        if (position < 0) {
            position = names.add(name);
            if (position == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
                texts = Arrays.copyOf(texts, texts.length * 2);
            }
        }
        return position;
    }

    /** The holder of characters at {@code position}, made the first time the position needs one. */
    private HeldText holderAt(int position) {
        if (texts[position] == null) {
            texts[position] = new HeldText();
        }
        return texts[position];
    }

    /** The value at {@code position}: the String put there, or the one made from the characters put there. */
    private String valueAt(int position) {
        String value = values[position];
        if (value == null && texts[position] != null) {
            value = texts[position].asString();
        }
        return value;
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
                        return new SimpleImmutableEntry<>(names.nameAt(at), valueAt(at));
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
