package io.seismo.bench.e2e;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time and resident memory of a process, from Linux's /proc: {@code utime + stime} of
 * {@code /proc/<pid>/stat} in clock ticks (100 per second), and {@code VmRSS} of {@code /proc/<pid>/status}.
 */
final class ProcessStats {
    private static final double TICKS_PER_SECOND = 100.0;
    /** Linux keeps the first 15 characters of a thread's name: "GC Thread#0", "G1 Refine#0", "ZWorker#0". */
    private static final List<String> GC_THREAD_PREFIXES = List.of("GC Thread", "G1 ", "Shenandoah", "ZWorker", "ZDriver",
            "ZDirector");
    /** HotSpot's JIT compiler threads: "C2 CompilerThread0" is "C2 CompilerThre" there. */
    private static final List<String> JIT_THREAD_PREFIXES = List.of("C1 CompilerThre", "C2 CompilerThre");

    private ProcessStats() {
    }

    /** CPU seconds used so far, user and system; -1 when the process is gone. */
    static double cpuSeconds(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU seconds used so far by the process's garbage collector threads (G1's workers, refinement and marking
     * threads, and those of Parallel, Shenandoah and ZGC); -1 when the process is gone.
     */
    static double gcCpuSeconds(long pid) {
        return threadsCpuSeconds(pid, GC_THREAD_PREFIXES);
    }

    /**
     * CPU seconds used so far by the process's JIT compiler threads: a run measured while C2 still compiles shares
     * the cores with it. -1 when the process is gone.
     */
    static double jitCpuSeconds(long pid) {
        return threadsCpuSeconds(pid, JIT_THREAD_PREFIXES);
    }

    static boolean isGcThread(String name) {
        return hasPrefix(name, GC_THREAD_PREFIXES);
    }

    static boolean isJitThread(String name) {
        return hasPrefix(name, JIT_THREAD_PREFIXES);
    }

    /** The CPU seconds of the threads named with one of {@code prefixes}, from each {@code /proc/<pid>/task/<tid>/stat}. */
    private static double threadsCpuSeconds(long pid, List<String> prefixes) {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            double seconds = 0;
            for (Path task : tasks) {
                String stat = readOrEmpty(task.resolve("stat"));
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open >= 0 && close > open && hasPrefix(stat.substring(open + 1, close), prefixes)) {
                    seconds += ticks(stat);
                }
            }
            return seconds;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static boolean hasPrefix(String name, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** A thread that ended between listing and reading counts as nothing. */
    private static String readOrEmpty(Path stat) {
        try {
            return Files.readString(stat);
        } catch (IOException e) {
            return "";
        }
    }

    private static double ticks(String stat) {
        // Fields after the command name, which is in parentheses and may hold spaces.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** Resident set size in MiB; -1 when the process is gone. */
    static double rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
