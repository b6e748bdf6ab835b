package io.seismo.rules.correlate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The spans one trace has seen: span id to the arrival index of its service, in arrival order. Most traces
 * have a handful of spans, and a million open traces must fit in a gigabyte, so the table is two small
 * arrays scanned in turn; past {@link #SCAN_LIMIT} spans a hash index joins them.
 */
final class SpanTable {
    static final int SCAN_LIMIT = 16;
    private static final String[] NO_IDS = new String[0];
    private static final int[] NO_SERVICES = new int[0];

    private String[] ids = NO_IDS;
    private int[] services = NO_SERVICES;
    private int size;
    private Map<String, Integer> index;

    int size() {
        return size;
    }

    /** The service index of {@code spanId}, or -1 when the span was not seen. */
    int serviceOf(String spanId) {
        if (index != null) {
            Integer service = index.get(spanId);
            return service == null ? -1 : service;
        }
        for (int i = 0; i < size; i++) {
            if (ids[i].equals(spanId)) {
                return services[i];
            }
        }
        return -1;
    }

    /** Adds the span unless it is there already; true when it was added. */
    boolean putIfAbsent(String spanId, int service) {
        if (serviceOf(spanId) >= 0) {
            return false;
        }
        if (size == ids.length) {
            int grown = Math.max(2, size * 2);
            ids = Arrays.copyOf(ids, grown);
            services = Arrays.copyOf(services, grown);
        }
        ids[size] = spanId;
        services[size] = service;
        size++;
        if (index != null) {
            index.put(spanId, service);
        } else if (size > SCAN_LIMIT) {
            index = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                index.put(ids[i], services[i]);
            }
        }
        return true;
    }

    String idAt(int position) {
        return ids[position];
    }

    int serviceAt(int position) {
        return services[position];
    }
}
