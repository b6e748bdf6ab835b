package io.seismo.daemon.ruletest;

import io.seismo.rules.dsl.RuleLoadException;
import io.seismo.rules.dsl.RuleProblem;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.dsl.RuleSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rule files a user names on the command line, compiled together as the daemon would compile its rules
 * folder. A folder stands for its {@code *.groovy} files. Problems name the file as the user wrote it.
 */
public final class RuleFiles {
    private RuleFiles() {
    }

    public static RuleSet compile(List<Path> paths) throws RuleLoadException {
        List<RuleSource> sources = new ArrayList<>();
        List<RuleProblem> unreadable = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : expand(path, unreadable)) {
                try {
                    sources.add(new RuleSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    unreadable.add(new RuleProblem(file.toString(), 0, 0, "cannot read the file: " + e.getMessage()));
                }
            }
        }
        if (!unreadable.isEmpty()) {
            throw new RuleLoadException(unreadable);
        }
        return RuleSet.compile(sources);
    }

    private static List<Path> expand(Path path, List<RuleProblem> problems) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> listing = Files.list(path)) {
            return listing.filter(file -> file.getFileName().toString().endsWith(".groovy")).sorted().toList();
        } catch (IOException e) {
            problems.add(new RuleProblem(path.toString(), 0, 0, "cannot list the folder: " + e.getMessage()));
            return List.of();
        }
    }
}
