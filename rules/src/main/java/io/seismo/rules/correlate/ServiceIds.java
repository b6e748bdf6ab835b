package io.seismo.rules.correlate;

import io.seismo.rules.state.StateOutput;
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
    /** Edges between services numbered below this are one object per pair ({@link #edge}). */
    static final int EDGE_IDS = 256;

    private final Map<String, Integer> ids = new HashMap<>();
    private String[] names = new String[16];
    /**
     * Each name as {@link StateOutput#writeString} writes it: a snapshot writes every open trace's services, a
     * million traces every few seconds, and copies these bytes instead of checking and encoding each name anew.
     */
    private byte[][] written = new byte[16][];
    private final int maxNames;
    /** At caller × {@link #EDGE_IDS} + callee, the edge once a closed trace named it; null until the first. */
    private ServiceEdge[] edges;

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
            written = Arrays.copyOf(written, 2 * next);
        }
        names[next] = name;
        written[next] = asWritten(name);
        ids.put(name, next);
        return next;
    }

    /** The name numbered {@code id}. */
    String nameOf(int id) {
        return names[id];
    }

    /**
     * The edge from the service numbered {@code caller} to the one numbered {@code callee}: the same object each
     * time for numbers below {@link #EDGE_IDS}, so that a closed trace's summary, one a line under load, makes none.
     */
    ServiceEdge edge(int caller, int callee) {
        if (caller >= EDGE_IDS || callee >= EDGE_IDS) {
            return new ServiceEdge(names[caller], names[callee]);
        }
        if (edges == null) {
            edges = new ServiceEdge[EDGE_IDS * EDGE_IDS];
        }
        int at = caller * EDGE_IDS + callee;
        ServiceEdge edge = edges[at];
        if (edge == null) {
            edge = new ServiceEdge(names[caller], names[callee]);
            edges[at] = edge;
        }
        return edge;
    }

    /** Writes the name numbered {@code id} as {@link StateOutput#writeString} would. */
    void writeName(int id, StateOutput out) {
        byte[] bytes = written[id];
        out.writeBytes(bytes, 0, bytes.length);
    }

    private static byte[] asWritten(String name) {
        StateOutput out = new StateOutput(16 + name.length());
        out.writeString(name);
        return out.toByteArray();
    }
}
