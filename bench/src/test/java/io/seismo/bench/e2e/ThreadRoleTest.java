package io.seismo.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThreadRoleTest {

    /** Names as /proc gives them: a thread's first 15 characters. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "seismo-correlat | CORRELATOR",
            "seismo-parse-0  | PARSE",
            "seismo-parse-63 | PARSE",
            "seismo-journal  | JOURNAL",
            "vert.x-eventloo | INGEST",
            "seismo-checkpoi | CHECKPOINT",
            "seismo-alerting | ALERTING",
            "GC Thread#1     | GC",
            "G1 Refine#0     | GC",
            "G1 Conc#0       | GC",
            "ZWorker#3       | GC",
            "Shenandoah GC T | GC",
            "C2 CompilerThre | JIT",
            "C1 CompilerThre | JIT",
            // A pipeline thread before its handler named it, Vert.x's worker and acceptor, HotSpot's own threads.
            "seismo-pipeline | REST",
            "vert.x-worker-t | REST",
            "vert.x-acceptor | REST",
            "VM Thread       | REST",
            "java            | REST"})
    void shouldTellEachThreadsRoleByTheNameLinuxKeeps(String keptName, ThreadRole role) {
        assertThat(ThreadRole.of(keptName)).isEqualTo(role);
    }
}
