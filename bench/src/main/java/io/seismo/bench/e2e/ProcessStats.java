package io.seismo.bench.e2e;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time and resident memory of a process, from Linux's /proc: {@code utime + stime} of
 * {@code /proc/<pid>/stat} and of each {@code /proc/<pid>/task/<tid>/stat}, and {@code VmRSS} of
 * {@code /proc/<pid>/status}.
 */
final class ProcessStats {
    private ProcessStats() {
    }

    /** CPU seconds used so far, user and system; -1 when the process is gone. */
    static double cpuSeconds(long pid) {
        try {
            return TaskStat.parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))).cpuSeconds();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU seconds used so far, in all and by the role of each thread, reading every thread once;
     * {@link RoleCpu#UNKNOWN} when the process is gone.
     */
    static RoleCpu roleCpu(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
            List<TaskStat> threads = new ArrayList<>();
            for (Path task : tasks) {
                String stat = readOrEmpty(task.resolve("stat"));
                if (!stat.isEmpty()) {
                    threads.add(TaskStat.parse(stat));
                }
            }
            // Read last: its CPU holds every thread's, so the rest it leaves is never below zero.
            return RoleCpu.of(TaskStat.parse(Files.readString(proc.resolve("stat"))), threads);
        } catch (IOException | RuntimeException e) {
            return RoleCpu.UNKNOWN;
        }
    }

    /** A thread that ended between listing and reading counts as nothing. */
    private static String readOrEmpty(Path stat) {
        try {
            return Files.readString(stat);
        } catch (IOException e) {
            return "";
        }
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
