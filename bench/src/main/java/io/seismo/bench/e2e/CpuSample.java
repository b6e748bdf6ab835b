package io.seismo.bench.e2e;

import java.lang.management.ManagementFactory;

/** CPU seconds of the daemon, the agent and the generator thread at one moment, for rates over a window. */
record CpuSample(long atNanos, double daemonSeconds, double agentSeconds, double generatorSeconds) {

    /** @param daemonPid -1 when there is no daemon ({@code --mode agent}) */
    static CpuSample take(long daemonPid, long agentPid, long generatorThreadId) {
        double generator = ManagementFactory.getThreadMXBean().getThreadCpuTime(generatorThreadId) / 1e9;
        return new CpuSample(System.nanoTime(), daemonPid < 0 ? Double.NaN : ProcessStats.cpuSeconds(daemonPid),
                ProcessStats.cpuSeconds(agentPid), generator);
    }

    double seconds(CpuSample earlier) {
        return (atNanos - earlier.atNanos) / 1e9;
    }

    /** Per cent of one core over the window since {@code earlier}. */
    static double percent(double cpuNow, double cpuBefore, double seconds) {
        return 100 * (cpuNow - cpuBefore) / seconds;
    }
}
