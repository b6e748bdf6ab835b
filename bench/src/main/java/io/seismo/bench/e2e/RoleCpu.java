package io.seismo.bench.e2e;

import java.util.Arrays;

/**
 * CPU seconds of a process at one moment, in all and by {@link ThreadRole}, from one reading of its threads. The
 * {@link ThreadRole#REST} is the process's total less every other role: the threads no role claims and those that
 * have ended.
 */
final class RoleCpu {
    /** No process to read, or it was gone: every figure from it is NaN. */
    static final RoleCpu UNKNOWN = unknown();

    private final double totalSeconds;
    private final double[] secondsByRole;

    private RoleCpu(double totalSeconds, double[] secondsByRole) {
        this.totalSeconds = totalSeconds;
        this.secondsByRole = secondsByRole;
    }

    /**
     * @param process the process's own stat line, whose CPU is all of its threads', ended ones included
     * @param threads each live thread's stat line
     */
    static RoleCpu of(TaskStat process, Iterable<TaskStat> threads) {
        double[] byRole = new double[ThreadRole.values().length];
        double claimed = 0;
        for (TaskStat thread : threads) {
            ThreadRole role = ThreadRole.of(thread.name());
            if (role != ThreadRole.REST) {
                byRole[role.ordinal()] += thread.cpuSeconds();
                claimed += thread.cpuSeconds();
            }
        }
        byRole[ThreadRole.REST.ordinal()] = process.cpuSeconds() - claimed;
        return new RoleCpu(process.cpuSeconds(), byRole);
    }

    private static RoleCpu unknown() {
        double[] byRole = new double[ThreadRole.values().length];
        Arrays.fill(byRole, Double.NaN);
        return new RoleCpu(Double.NaN, byRole);
    }

    double totalSeconds() {
        return totalSeconds;
    }

    double seconds(ThreadRole role) {
        return secondsByRole[role.ordinal()];
    }

    /** The role's CPU between {@code earlier} and this reading, in microseconds for each of {@code lines}. */
    double microsPerLine(RoleCpu earlier, ThreadRole role, double lines) {
        return (seconds(role) - earlier.seconds(role)) / lines * 1e6;
    }

    /** The whole process's CPU between {@code earlier} and this reading, in microseconds for each of {@code lines}. */
    double microsPerLine(RoleCpu earlier, double lines) {
        return (totalSeconds - earlier.totalSeconds) / lines * 1e6;
    }
}
