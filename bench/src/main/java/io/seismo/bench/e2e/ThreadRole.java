package io.seismo.bench.e2e;

import java.util.Arrays;
import java.util.List;

/**
 * What a daemon thread does, told from its name as /proc keeps it (the first 15 characters). The seismo names are
 * set in the daemon (pipeline/PipelineThreads, checkpoint/Checkpointer, alerting/AlertDispatcher); {@link #REST} is
 * every thread no other role claims, and the CPU of threads that have ended.
 */
enum ThreadRole {
    CORRELATOR("correlator", "seismo-correlator"),
    PARSE("parse", "seismo-parse-"),
    /** With {@code pipeline.parseThreads: 0} this thread parses too. */
    JOURNAL("journal", "seismo-journal"),
    INGEST("ingest", "vert.x-eventloop-thread-"),
    CHECKPOINT("checkpoint", "seismo-checkpoint"),
    ALERTING("alerting", "seismo-alerting"),
    /** G1's workers, refinement and marking threads, and those of Parallel, Shenandoah and ZGC. */
    GC("GC", "GC Thread", "G1 ", "Shenandoah", "ZWorker", "ZDriver", "ZDirector"),
    /** HotSpot's compiler threads ("C2 CompilerThread0"): a run measured while C2 still compiles shares the cores. */
    JIT("JIT", "C1 CompilerThread", "C2 CompilerThread"),
    REST("rest");

    /** Linux's TASK_COMM_LEN less its terminating zero. */
    static final int KEPT_NAME_CHARS = 15;

    private final String label;
    private final List<String> prefixes;

    ThreadRole(String label, String... threadNamePrefixes) {
        this.label = label;
        this.prefixes = Arrays.stream(threadNamePrefixes)
                .map(prefix -> prefix.substring(0, Math.min(prefix.length(), KEPT_NAME_CHARS))).toList();
    }

    /** How the figures name the role. */
    String label() {
        return label;
    }

    /** The role of the thread with this name as /proc gives it; {@link #REST} when no other role claims it. */
    static ThreadRole of(String keptName) {
        for (ThreadRole role : values()) {
            for (String prefix : role.prefixes) {
                if (keptName.startsWith(prefix)) {
                    return role;
                }
            }
        }
        return REST;
    }
}
