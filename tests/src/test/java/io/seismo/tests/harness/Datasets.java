package io.seismo.tests.harness;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared Loghub samples beside the checkout ({@code ../shared/datasets/loghub}); skips when absent. */
public final class Datasets {
    private Datasets() {
    }

    public static Path loghub(String file) {
        String configured = System.getProperty("seismo.datasets");
        Path dir = configured != null ? Path.of(configured, "loghub") : null;
        if (dir == null || !Files.isDirectory(dir)) {
            Path here = Path.of("").toAbsolutePath();
            while (here != null && !Files.exists(here.resolve("mvnw"))) {
                here = here.getParent();
            }
            dir = here == null ? null : here.resolve("../shared/datasets/loghub").normalize();
        }
        Path sample = dir == null ? null : dir.resolve(file);
        Assumptions.assumeTrue(sample != null && Files.isRegularFile(sample),
                "Loghub sample " + file + " not found beside the checkout (../shared/datasets/loghub); skipping");
        return sample;
    }
}
