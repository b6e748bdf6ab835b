package io.seismo.bench.e2e;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The figures of one run, by name in the order the table prints them; NaN where the mode does not measure one
 * (no daemon in {@code --mode agent}).
 */
record RunFigures(Map<String, Double> values) {
    static final String EVENTS_PER_SECOND = "events/s";
    /** Log file bytes, the unit of the MB/s targets: events/s times the mean line the generator wrote. */
    static final String FILE_MB_PER_SECOND = "file MB/s";
    /** What the daemon counts in seismo_ingest_bytes_total (agent mode: what the sink receives): the framed lines. */
    static final String MB_PER_SECOND = "wire MB/s";
    static final String LOSS = "loss";
    /** What the daemon's journal wrote per line ingested in the window: the line, its record and its origin's share. */
    static final String JOURNAL_BYTES_PER_LINE = "journal bytes a line";
    /** How often the alerting thread fsynced its outbox (seismo_outbox_syncs_total): each sync holds alerts back. */
    static final String OUTBOX_SYNCS_PER_SECOND = "outbox syncs/s";
    /** Events through the rules (seismo_correlator_events_total): below events/s when the correlator falls behind. */
    static final String CORRELATED_PER_SECOND = "correlated events/s";
    static final String LATE_EVENTS = "late events";
    static final String TRACES_EVICTED = "traces evicted";
    static final String DAEMON_CPU = "daemon CPU %";
    /** The part of the daemon's CPU its garbage collector's threads used (pauses and concurrent work). */
    static final String DAEMON_GC_CPU = "daemon GC threads CPU %";
    /** The part of the daemon's CPU its JIT compiler's threads used: high while C2 still compiles the hot paths. */
    static final String DAEMON_JIT_CPU = "daemon JIT threads CPU %";
    /**
     * The daemon's CPU over the window per line ingested in it, in microseconds; {@link #daemonCpuPerLine} splits it
     * by the role of the threads that used it.
     */
    static final String DAEMON_CPU_PER_LINE = "daemon CPU us a line";
    static final String DAEMON_RSS = "daemon peak RSS MiB";
    static final String AGENT_CPU = "agent CPU %";
    static final String AGENT_RSS = "agent peak RSS MiB";
    static final String GENERATOR_CPU = "generator CPU %";
    static final String LATENCY_SAMPLES = "latency samples";
    static final String P50 = "line to webhook p50 ms";
    static final String P90 = "line to webhook p90 ms";
    static final String P99 = "line to webhook p99 ms";
    static final String MAX = "line to webhook max ms";
    static final String FINDING_P50 = "ingest to finding p50 ms";
    static final String FINDING_P99 = "ingest to finding p99 ms";
    static final String FINDING_WITHIN_5MS = "ingest to finding in 5 ms %";
    static final String WAIT_P50 = "ingest to correlator p50 ms";
    static final String WAIT_P99 = "ingest to correlator p99 ms";
    static final String WAIT_WITHIN_5MS = "ingest to correlator in 5 ms %";

    /** Every figure, in table order. */
    static final List<String> ORDER = Stream.of(
            Stream.of(EVENTS_PER_SECOND, FILE_MB_PER_SECOND, MB_PER_SECOND, JOURNAL_BYTES_PER_LINE,
                    OUTBOX_SYNCS_PER_SECOND, LOSS, CORRELATED_PER_SECOND, LATE_EVENTS, TRACES_EVICTED, DAEMON_CPU,
                    DAEMON_GC_CPU, DAEMON_JIT_CPU, DAEMON_CPU_PER_LINE),
            Arrays.stream(ThreadRole.values()).map(RunFigures::daemonCpuPerLine),
            Stream.of(DAEMON_RSS, AGENT_CPU, AGENT_RSS, GENERATOR_CPU, LATENCY_SAMPLES, P50, P90, P99, MAX, FINDING_P50,
                    FINDING_P99, FINDING_WITHIN_5MS, WAIT_P50, WAIT_P99, WAIT_WITHIN_5MS))
            .flatMap(names -> names).toList();

    /** The part of {@link #DAEMON_CPU_PER_LINE} the daemon's threads of this role used. */
    static String daemonCpuPerLine(ThreadRole role) {
        return DAEMON_CPU_PER_LINE + ": " + role.label();
    }

    /** Decimals the table prints a figure with: two for CPU per line, whose roles differ by tenths of a microsecond. */
    static int decimals(String name) {
        return name.startsWith(DAEMON_CPU_PER_LINE) ? 2 : 1;
    }

    double get(String name) {
        return values.getOrDefault(name, Double.NaN);
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private final Map<String, Double> values = new LinkedHashMap<>();

        Builder put(String name, double value) {
            values.put(name, value);
            return this;
        }

        RunFigures build() {
            return new RunFigures(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }
    }
}
