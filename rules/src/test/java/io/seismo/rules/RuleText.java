package io.seismo.rules;

import io.seismo.rules.dsl.RuleLoadException;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.dsl.RuleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Test fixtures: rules from text, and event times as seconds after a fixed instant. */
public final class RuleText {
    /** A minute boundary, so window boundaries fall on whole seconds after it. */
    public static final long T0 = Instant.parse("2017-05-16T00:00:00Z").getEpochSecond() * 1_000_000_000L;

    private RuleText() {
    }

    public static RuleSet compile(String groovy) {
        try {
            return RuleSet.compile(List.of(new RuleSource("test.groovy", groovy)));
        } catch (RuleLoadException e) {
            throw new AssertionError("test rules do not compile:\n" + e.getMessage(), e);
        }
    }

    /** T0 plus {@code seconds}. */
    public static long at(double seconds) {
        return T0 + Math.round(seconds * 1e9);
    }

    /** The repository root: the nearest folder up from the working directory that holds {@code mvnw}. */
    public static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no mvnw above " + System.getProperty("user.dir"));
        }
        return dir;
    }
}
