package io.seismo.daemon.parse;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real Loghub samples kept beside the repository ({@code ../shared/datasets/loghub}), never inside it. */
public final class LoghubSamples {

    private LoghubSamples() {
    }

    /** The lines of one sample file; skips the calling test when the samples are not on this machine. */
    static List<String> lines(String fileName) throws IOException {
        return Files.readAllLines(path(fileName), StandardCharsets.UTF_8);
    }

    /** The path of one sample file; skips the calling test when the samples are not on this machine. */
    public static Path path(String fileName) {
        Path file = repositoryRoot().resolve("../shared/datasets/loghub").normalize().resolve(fileName);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                () -> "Loghub sample " + file + " is absent (expected in ../shared/datasets/loghub beside the repo);"
                        + " skipping");
        return file;
    }

    /** The folder holding {@code mvnw}, found from the test's working directory. */
    public static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        Assumptions.assumeTrue(dir != null, "no folder containing mvnw above user.dir; cannot locate the samples");
        return dir;
    }
}
