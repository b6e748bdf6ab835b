package io.seismo.rules.correlate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A number for each service name, shared by all open traces. A trace keeps its services as these numbers: adding a
 * service to a trace, which nearly every line does, then stores no reference into the trace, an old object, so
 * G1 gets no card to refine for it; and each name is one String however many traces hold it. Bounded: past
 * {@code maxNames} distinct names (a runaway field, not a fleet of services) a new name gets no number, and a
 * trace keeps such a name itself. Not thread-safe.
 */
final class ServiceIds {
    static final int NO_ID = -1;

    private final Map<String, Integer> ids = new HashMap<>();
    private String[] names = new String[16];
    private final int maxNames;

    ServiceIds(int maxNames) {
        this.maxNames = maxNames;
    }

    /** The number of {@code name}, given it now if it had none; {@link #NO_ID} when it is new and the table is full. */
    int idOf(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        int next = ids.size();
        if (next >= maxNames) {
            return NO_ID;
        }
        if (next == names.length) {
            names = Arrays.copyOf(names, 2 * next);
        }
        names[next] = name;
        ids.put(name, next);
        return next;
    }

    /** The name numbered {@code id}. */
    String nameOf(int id) {
        return names[id];
    }
}
