package io.seismo.bench.e2e;

/**
 * One line of Linux's {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat}: the command (a thread's name,
 * its first 15 characters) and the CPU it has used, {@code utime + stime}, fields 14 and 15.
 */
record TaskStat(String name, double cpuSeconds) {
    /** Linux's USER_HZ, the same on every architecture Java runs on there. */
    private static final double TICKS_PER_SECOND = 100.0;

    static TaskStat parse(String stat) {
        // The name is in parentheses and may hold spaces and parentheses: the fields follow the last ')'.
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc stat line: " + stat);
        }
        String[] fields = stat.substring(close + 2).split(" ");
        return new TaskStat(stat.substring(open + 1, close),
                (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND);
    }
}
