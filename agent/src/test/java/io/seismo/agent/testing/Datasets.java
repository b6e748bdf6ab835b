package io.seismo.agent.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The shared real-world log samples, found next to the repository (never copied into it). */
public final class Datasets {
    private Datasets() {
    }

    /** {@code ../shared/datasets/loghub} relative to the folder holding {@code mvnw}, if it is there. */
    public static Optional<Path> loghub() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return Optional.empty();
        }
        Path loghub = dir.resolve("../shared/datasets/loghub").normalize();
        return Files.isDirectory(loghub) ? Optional.of(loghub) : Optional.empty();
    }
}
