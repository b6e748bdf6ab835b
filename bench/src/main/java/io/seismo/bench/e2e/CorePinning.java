package io.seismo.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pins processes to cores with taskset(1), so that {@code --mode agent} measures the agent on a core of its own
 * while the generator and the acking sink (this JVM) run on the other.
 */
final class CorePinning {
    static final int AGENT_CORE = 0;
    static final int HARNESS_CORE = 1;
    private static final Path TASKSET = Path.of("/usr/bin/taskset");

    private CorePinning() {
    }

    /** Needs taskset and at least two cores; otherwise nothing is pinned and the table says so. */
    static boolean available() {
        return Machine.cores() >= 2 && Files.isExecutable(TASKSET);
    }

    static String describe() {
        return available() ? "agent on cpu " + AGENT_CORE + " (taskset), generator and sink on cpu " + HARNESS_CORE
                : "none (taskset missing or one core)";
    }

    /** The words that start a command on {@code core}. */
    static List<String> launcher(int core) {
        return List.of(TASKSET.toString(), "-c", Integer.toString(core));
    }

    /** Moves every thread of this JVM to {@code core}; threads started later inherit it. */
    static void pinThisProcess(int core) throws IOException, InterruptedException {
        Process taskset = new ProcessBuilder(TASKSET.toString(), "-a", "-p", "-c", Integer.toString(core),
                Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!taskset.waitFor(10, TimeUnit.SECONDS) || taskset.exitValue() != 0) {
            taskset.destroyForcibly();
            throw new IOException("taskset could not pin the harness to cpu " + core);
        }
    }
}
