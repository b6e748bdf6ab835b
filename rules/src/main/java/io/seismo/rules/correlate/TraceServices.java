package io.seismo.rules.correlate;

import io.seismo.rules.event.NameTable;
import io.seismo.rules.state.StateOutput;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A trace's services in arrival order (a service's {@code arrival} is its position), each with when it was first
 * seen and whether it failed, kept as their {@link ServiceIds} numbers in one array of longs: no reference is
 * stored when a service joins a trace, and a line reads one array where three (names, times, flags) and a table
 * object were. Most traces have a handful of services, scanned in turn; past {@link NameTable#SCAN_LIMIT} an
 * index joins them. A name without a number is kept in a small table of the trace's own and coded below
 * {@link ServiceIds#NO_ID}. The calls learnt between them (from span parents, by arrival) are kept in the same
 * array, from its far end: a trace holds one array for both. Not thread-safe.
 */
final class TraceServices {
    private static final long[] NO_CELLS = new long[0];
    private static final long FAILED = 1L << 32;
    private static final long CODE_BITS = 0xFFFF_FFFFL;

    private final ServiceIds ids;
    /**
     * Per service, at 2 × arrival its code (low half) and failed flag, at 2 × arrival + 1 when it was first seen;
     * per call, caller and callee arrivals packed, the first call in the last cell, the next before it.
     */
    private long[] cells = NO_CELLS;
    private int size;
    private int callCount;
    /** Names that got no number, coded {@code -2 - position}; null until the first. */
    private NameTable unnamed;
    /** From code to arrival, once the trace has more services than are worth scanning. */
    private Map<Integer, Integer> index;

    TraceServices(ServiceIds ids) {
        this.ids = ids;
    }

    int size() {
        return size;
    }

    /** The arrival of {@code name}, whose number is {@code id} (possibly {@link ServiceIds#NO_ID}); -1 if absent. */
    int indexOf(String name, int id) {
        int code = id;
        if (id == ServiceIds.NO_ID) {
            int position = unnamed == null ? -1 : unnamed.indexOf(name);
            if (position < 0) {
                return -1;
            }
            code = unnamedCode(position);
        }
        if (index != null) {
            Integer arrival = index.get(code);
            return arrival == null ? -1 : arrival;
        }
        for (int arrival = 0; arrival < size; arrival++) {
            if ((int) cells[2 * arrival] == code) {
                return arrival;
            }
        }
        return -1;
    }

    /** Adds {@code name}, numbered {@code id}, which the caller found absent; returns its arrival. */
    int add(String name, int id, long firstNanos) {
        int code = id;
        if (id == ServiceIds.NO_ID) {
            if (unnamed == null) {
                unnamed = new NameTable();
            }
            code = unnamedCode(unnamed.add(name));
        }
        if (2 * size + 2 > cells.length - callCount) {
            grow();
        }
        int arrival = size++;
        cells[2 * arrival] = code & CODE_BITS;
        cells[2 * arrival + 1] = firstNanos;
        if (index != null) {
            index.put(code, arrival);
        } else if (size > NameTable.SCAN_LIMIT) {
            index = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                index.put((int) cells[2 * i], i);
            }
        }
        return arrival;
    }

    /** Records a call from the service at {@code caller} to the one at {@code callee}; false when it was recorded. */
    boolean addCall(int caller, int callee) {
        long call = (long) caller << 32 | callee;
        for (int i = 0; i < callCount; i++) {
            if (cells[cells.length - 1 - i] == call) {
                return false;
            }
        }
        if (2 * size + 1 > cells.length - callCount) {
            grow();
        }
        cells[cells.length - 1 - callCount++] = call;
        return true;
    }

    /** The calls recorded by {@link #addCall}, in the order they were. */
    int callCount() {
        return callCount;
    }

    int callerOf(int call) {
        return (int) (cells[cells.length - 1 - call] >>> 32);
    }

    int calleeOf(int call) {
        return (int) cells[cells.length - 1 - call];
    }

    String nameAt(int arrival) {
        int code = (int) cells[2 * arrival];
        return code >= 0 ? ids.nameOf(code) : unnamed.nameAt(unnamedPosition(code));
    }

    /** Tells {@code edges} of a call from the service at {@code caller} to the one at {@code callee}. */
    void reportCall(int caller, int callee, long atNanos, EdgeObserver edges) {
        edges.observe(idAt(caller), idAt(callee), nameAt(caller), nameAt(callee), atNanos);
    }

    /** The edge from the service at {@code caller} to the one at {@code callee}. */
    ServiceEdge edge(int caller, int callee) {
        int callerId = idAt(caller);
        int calleeId = idAt(callee);
        if (callerId == ServiceIds.NO_ID || calleeId == ServiceIds.NO_ID) {
            return new ServiceEdge(nameAt(caller), nameAt(callee));
        }
        return ids.edge(callerId, calleeId);
    }

    /** The {@link ServiceIds} number of the service, or {@link ServiceIds#NO_ID} for a name without one. */
    private int idAt(int arrival) {
        int code = (int) cells[2 * arrival];
        return code >= 0 ? code : ServiceIds.NO_ID;
    }

    /** Writes the name of the service as {@link StateOutput#writeString} would. */
    void writeNameAt(int arrival, StateOutput out) {
        int code = (int) cells[2 * arrival];
        if (code >= 0) {
            ids.writeName(code, out);
        } else {
            out.writeString(nameAt(arrival));
        }
    }

    long firstSeenAt(int arrival) {
        return cells[2 * arrival + 1];
    }

    /** Takes {@code nanos} as the service's first sighting if it is earlier. */
    void seenAt(int arrival, long nanos) {
        cells[2 * arrival + 1] = Math.min(cells[2 * arrival + 1], nanos);
    }

    boolean failedAt(int arrival) {
        return (cells[2 * arrival] & FAILED) != 0;
    }

    void markFailed(int arrival) {
        cells[2 * arrival] |= FAILED;
    }

    /** Forgets every service and call, keeping the arrays for the next ones. */
    void clear() {
        size = 0;
        callCount = 0;
        index = null;
        if (unnamed != null) {
            unnamed.clear();
        }
    }

    /** Doubles the array: the services stay at its start, the calls move to its new end. */
    private void grow() {
        long[] grown = new long[Math.max(4, 2 * cells.length)];
        System.arraycopy(cells, 0, grown, 0, 2 * size);
        System.arraycopy(cells, cells.length - callCount, grown, grown.length - callCount, callCount);
        cells = grown;
    }

    private static int unnamedCode(int position) {
        return -2 - position;
    }

    private static int unnamedPosition(int code) {
        return -2 - code;
    }
}
