package io.seismo.daemon.parse;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real Loghub samples kept beside the repository ({@code ../shared/datasets/loghub}), never inside it. */
final class LoghubSamples {

    private LoghubSamples() {
    }

    /** The lines of one sample file; skips the calling test when the samples are not on this machine. */
    static List<String> lines(String fileName) throws IOException {
        Path file = datasetDir().resolve(fileName);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                () -> "Loghub sample " + file + " is absent (expected in ../shared/datasets/loghub beside the repo);"
                        + " skipping");
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static Path datasetDir() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        Assumptions.assumeTrue(dir != null,
                "no folder containing mvnw above user.dir; cannot locate the Loghub samples");
        return dir.resolve("../shared/datasets/loghub").normalize();
    }
}
