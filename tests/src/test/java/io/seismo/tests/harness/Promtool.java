package io.seismo.tests.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** {@code promtool check metrics} (Debian package prometheus) on a scrape's text, with a bounded wait. */
public final class Promtool {
    public static final Path BINARY = Path.of("/usr/bin/promtool");

    private Promtool() {
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Lints the exposition text; the exit code is 0 when promtool found nothing to say. */
    public static Result checkMetrics(String exposition) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(BINARY.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "promtool did not finish within 30 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    public record Result(int exitCode, String output) {
    }
}
