package io.seismo.bench.e2e;

import java.lang.management.ManagementFactory;

/**
 * CPU seconds of the daemon (in all and by the role of its threads), the agent and the generator thread at one
 * moment, for rates over a window.
 */
record CpuSample(long atNanos, RoleCpu daemon, double agentSeconds, double generatorSeconds) {
    static final long NO_PROCESS = -1;
    static final long NO_THREAD = -1;

    /**
     * @param daemonPid         {@link #NO_PROCESS} when there is no daemon ({@code --mode agent})
     * @param generatorThreadId {@link #NO_THREAD} when the generator is not running in the window
     */
    static CpuSample take(long daemonPid, long agentPid, long generatorThreadId) {
        double generator = generatorThreadId == NO_THREAD ? Double.NaN
                : ManagementFactory.getThreadMXBean().getThreadCpuTime(generatorThreadId) / 1e9;
        RoleCpu daemon = daemonPid == NO_PROCESS ? RoleCpu.UNKNOWN : ProcessStats.roleCpu(daemonPid);
        return new CpuSample(System.nanoTime(), daemon, ProcessStats.cpuSeconds(agentPid), generator);
    }

    double seconds(CpuSample earlier) {
        return (atNanos - earlier.atNanos) / 1e9;
    }

    /** Per cent of one core over the window since {@code earlier}. */
    static double percent(double cpuNow, double cpuBefore, double seconds) {
        return 100 * (cpuNow - cpuBefore) / seconds;
    }
}
