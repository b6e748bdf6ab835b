package io.seismo.bench.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A daemon or agent running as its own JVM from the distribution's jars, its output in a file. */
final class SeismoProcess implements AutoCloseable {
    private final Process process;

    private SeismoProcess(Process process) {
        this.process = process;
    }

    /** @param launcher words put before {@code java}, such as {@link CorePinning#launcher}; usually none */
    static SeismoProcess start(Path lib, Path workDir, String command, Path config, List<String> jvmOptions,
                               List<String> launcher) throws IOException {
        List<String> commandLine = new ArrayList<>(launcher);
        commandLine.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        commandLine.addAll(jvmOptions);
        commandLine.addAll(List.of("-cp", lib.resolve("*").toString(), "io.seismo.dist.SeismoMain", command,
                "--config", config.toString()));
        Process process = new ProcessBuilder(commandLine).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(workDir.resolve(command + ".out").toFile()).start();
        return new SeismoProcess(process);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
