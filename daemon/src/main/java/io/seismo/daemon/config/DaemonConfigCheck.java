package io.seismo.daemon.config;

import io.seismo.daemon.parse.ParserFactory;
import io.seismo.daemon.parse.ParserSpec;
import io.seismo.rules.dsl.RuleLoadException;
import io.seismo.rules.dsl.RuleProblem;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.sink.AlertSinks;
import io.seismo.sink.SinkSpec;
import io.seismo.sink.format.AlertTemplates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the daemon would refuse at start, found without starting it: the config's keys and values, each
 * source's parser, each sink's type and the rule files. Problems read {@code key: problem} or
 * {@code file:line:column: message}; none of them quotes a secret.
 */
public final class DaemonConfigCheck {
    private final Map<String, String> environment;

    public DaemonConfigCheck(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The problems found in {@code file}, in the order a reader meets them; empty when the daemon would start. */
    public List<String> problems(Path file) {
        DaemonConfig config;
        try {
            config = new DaemonConfigLoader(environment).load(file);
        } catch (ConfigException e) {
            // The loader stops at the first bad key: the rest cannot be trusted until it is fixed.
            return List.of(e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        checkParser("defaultFormat", config.defaultParser(), problems);
        for (int i = 0; i < config.sources().size(); i++) {
            checkParser("sources[" + i + "]", config.sources().get(i).parser(), problems);
        }
        checkSinkTypes(config.sinks(), problems);
        checkRules(config.rulesDir(), problems);
        return List.copyOf(problems);
    }

    private static void checkParser(String key, ParserChoice choice, List<String> problems) {
        try {
            ParserFactory.create(new ParserSpec(choice.format(), choice.pattern(), choice.timeFormat(), choice.timeZone()));
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
        }
    }

    private static void checkSinkTypes(List<SinkSpec> sinks, List<String> problems) {
        Set<String> known = AlertSinks.types();
        for (int i = 0; i < sinks.size(); i++) {
            String type = sinks.get(i).type();
            if (!known.contains(type)) {
                problems.add("sinks[" + i + "].type: '" + type + "' is not a known sink type (known: "
                        + String.join(", ", known) + ")");
                continue;
            }
            try {
                // A bad template stops the daemon at start; say so here first.
                AlertTemplates.of(sinks.get(i));
            } catch (IllegalArgumentException e) {
                problems.add("sinks[" + i + "]." + AlertTemplates.OPTION + ": " + e.getMessage());
            }
        }
    }

    private static void checkRules(Path rulesDir, List<String> problems) {
        if (!Files.isDirectory(rulesDir)) {
            problems.add("rulesDir: " + rulesDir + " is not a directory");
            return;
        }
        try {
            RuleSet.loadDirectory(rulesDir);
        } catch (RuleLoadException e) {
            // Full paths, so the line is clickable wherever the check ran from.
            for (RuleProblem problem : e.problems()) {
                problems.add(new RuleProblem(rulesDir.resolve(problem.file()).toString(), problem.line(),
                        problem.column(), problem.message()).toString());
            }
        }
    }
}
