package io.seismo.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.util.List;

class RoleCpuTest {

    @Test
    void shouldReadATasksNameAndItsUserAndSystemTime() {
        // A name may hold spaces and parentheses; utime and stime are the 14th and 15th fields, in ticks of 10 ms.
        TaskStat stat = TaskStat.parse(stat(4242, "odd (name) x", 250, 70));

        assertThat(stat.name()).isEqualTo("odd (name) x");
        assertThat(stat.cpuSeconds()).isCloseTo(3.2, within(1e-9));
    }

    @Test
    void shouldSumEachRolesThreadsAndLeaveTheRestOfTheProcessToTheRest() {
        RoleCpu cpu = RoleCpu.of(TaskStat.parse(stat(100, "java", 900, 100)), List.of(
                TaskStat.parse(stat(101, "seismo-correlat", 300, 10)),
                TaskStat.parse(stat(102, "seismo-parse-0", 80, 5)),
                TaskStat.parse(stat(103, "seismo-parse-1", 70, 5)),
                TaskStat.parse(stat(104, "seismo-journal", 20, 40)),
                TaskStat.parse(stat(105, "vert.x-eventloo", 90, 30)),
                TaskStat.parse(stat(106, "GC Thread#0", 50, 0)),
                TaskStat.parse(stat(107, "C2 CompilerThre", 100, 0)),
                TaskStat.parse(stat(108, "VM Thread", 40, 0))));

        assertThat(cpu.totalSeconds()).isCloseTo(10.0, within(1e-9));
        assertThat(cpu.seconds(ThreadRole.CORRELATOR)).isCloseTo(3.1, within(1e-9));
        assertThat(cpu.seconds(ThreadRole.PARSE)).isCloseTo(1.6, within(1e-9));
        assertThat(cpu.seconds(ThreadRole.JOURNAL)).isCloseTo(0.6, within(1e-9));
        assertThat(cpu.seconds(ThreadRole.INGEST)).isCloseTo(1.2, within(1e-9));
        assertThat(cpu.seconds(ThreadRole.CHECKPOINT)).isZero();
        assertThat(cpu.seconds(ThreadRole.GC)).isCloseTo(0.5, within(1e-9));
        assertThat(cpu.seconds(ThreadRole.JIT)).isCloseTo(1.0, within(1e-9));
        // The VM thread's 0.4 s and 1.6 s of threads that have ended.
        assertThat(cpu.seconds(ThreadRole.REST)).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void shouldGiveEachRolesCpuOverAWindowInMicrosecondsALine() {
        RoleCpu before = RoleCpu.of(TaskStat.parse(stat(100, "java", 1000, 0)), List.of(
                TaskStat.parse(stat(101, "seismo-correlat", 300, 0)),
                TaskStat.parse(stat(104, "seismo-journal", 100, 0))));
        RoleCpu after = RoleCpu.of(TaskStat.parse(stat(100, "java", 1700, 0)), List.of(
                TaskStat.parse(stat(101, "seismo-correlat", 700, 0)),
                TaskStat.parse(stat(104, "seismo-journal", 150, 0))));

        // 7 s of CPU for 1,000,000 lines: 4 s of it the correlator's, 0.5 s the journal's, 2.5 s the rest's.
        assertThat(after.microsPerLine(before, 1_000_000)).isCloseTo(7.0, within(1e-9));
        assertThat(after.microsPerLine(before, ThreadRole.CORRELATOR, 1_000_000)).isCloseTo(4.0, within(1e-9));
        assertThat(after.microsPerLine(before, ThreadRole.JOURNAL, 1_000_000)).isCloseTo(0.5, within(1e-9));
        assertThat(after.microsPerLine(before, ThreadRole.REST, 1_000_000)).isCloseTo(2.5, within(1e-9));
        assertThat(after.microsPerLine(before, ThreadRole.PARSE, 1_000_000)).isZero();
    }

    @Test
    void shouldGiveNoFigureWithoutAProcessToRead() {
        RoleCpu read = RoleCpu.of(TaskStat.parse(stat(100, "java", 100, 0)), List.of());

        assertThat(read.microsPerLine(RoleCpu.UNKNOWN, 1000)).isNaN();
        assertThat(read.microsPerLine(RoleCpu.UNKNOWN, ThreadRole.CORRELATOR, 1000)).isNaN();
        assertThat(RoleCpu.UNKNOWN.seconds(ThreadRole.GC)).isNaN();
    }

    /** A stat line as Linux writes it, with the fields this reads set and the rest plausible. */
    private static String stat(int tid, String name, long utimeTicks, long stimeTicks) {
        return tid + " (" + name + ") S 1 " + tid + " " + tid + " 0 -1 4194624 1200 0 3 0 " + utimeTicks + " "
                + stimeTicks + " 0 0 20 0 42 0 5012 6442450944 51200 18446744073709551615 1 1 0 0 0 0 0 4096 17663 0 0 0"
                + " 17 1 0 0 0 0 0\n";
    }
}
