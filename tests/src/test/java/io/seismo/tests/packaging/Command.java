package io.seismo.tests.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A tool run to its end with a bounded wait, its output kept for assertions and failure messages. */
record Command(int exitCode, String output) {
    private static final long TIMEOUT_SECONDS = 120;

    static Command run(Path workDir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("seismo-command", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s:\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Command(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** True when {@code tool} is on the PATH, for {@code Assumptions} in tests that need it. */
    static boolean available(String tool) {
        try {
            return run(Path.of("."), Map.of(), "sh", "-c", "command -v " + tool).exitCode() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Unpacks a .tar.gz into {@code dir} with the system's tar (keeps modes, as a user's tar would). */
    static void untar(Path tarball, Path dir) throws IOException, InterruptedException {
        Command untar = run(dir, Map.of(), "tar", "xzf", tarball.toString(), "-C", dir.toString());
        if (untar.exitCode() != 0) {
            throw new AssertionError("tar failed on " + tarball + ":\n" + untar.output());
        }
    }

    /** The environment that makes the launcher use this JVM, whatever is on the PATH. */
    static Map<String, String> javaHome() {
        return Map.of("JAVA_HOME", System.getProperty("java.home"));
    }

    List<String> lines() {
        return output.lines().toList();
    }
}
