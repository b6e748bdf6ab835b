package io.seismo.rules.correlate;

import java.util.HashMap;
import java.util.Map;

/**
 * One string per service name for all open traces. Each event brings its own copy of its service's name; a
 * million open traces holding those copies would keep millions of identical strings alive past their first
 * collection. Bounded: past {@code maxNames} distinct names (a runaway field, not a fleet of services) an
 * event's own string is kept instead.
 */
final class SharedNames {
    private final Map<String, String> names = new HashMap<>();
    private final int maxNames;

    SharedNames(int maxNames) {
        this.maxNames = maxNames;
    }

    /** The shared string equal to {@code name}; {@code name} itself when it is new and the table is full. */
    String share(String name) {
        if (name == null) {
            return null;
        }
        String shared = names.get(name);
        if (shared != null) {
            return shared;
        }
        if (names.size() < maxNames) {
            names.put(name, name);
        }
        return name;
    }
}
