package io.seismo.tests.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The tarball and the .deb that {@code packaging} built in {@code packaging/target/} of this checkout (found by
 * walking up to the folder holding {@code mvnw}). Missing artifacts fail the test: they mean the build is broken.
 */
final class BuiltArtifacts {
    private BuiltArtifacts() {
    }

    static Path tarball() {
        return single("seismo-", ".tar.gz");
    }

    static Path deb() {
        return single("seismo_", "_all.deb");
    }

    private static Path single(String prefix, String suffix) {
        Path target = checkoutRoot().resolve("packaging/target");
        List<Path> found;
        try (Stream<Path> files = Files.list(target)) {
            found = files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .filter(f -> f.getFileName().toString().endsWith(suffix))
                    .toList();
        } catch (IOException e) {
            throw new AssertionError(target + " cannot be listed (" + e + "): run ./mvnw package first", e);
        }
        if (found.size() != 1) {
            throw new AssertionError("expected one " + prefix + "*" + suffix + " in " + target + ", found " + found
                    + ": run ./mvnw package first");
        }
        return found.get(0);
    }

    private static Path checkoutRoot() {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (here != null && !Files.exists(here.resolve("mvnw"))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new UncheckedIOException(new IOException("no mvnw above " + System.getProperty("user.dir")));
        }
        return here;
    }
}
