package io.seismo.rules.dsl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A validated set of rules, compiled once. Loading is all or nothing: a set with any problem throws
 * {@link RuleLoadException} listing every problem of every file, so a bad edit never replaces the rules
 * that run now.
 */
public final class RuleSet {
    private static final String RULE_FILE_SUFFIX = ".groovy";

    private final List<RuleDefinition> rules;
    private final Map<String, LatePolicy> latePolicies;

    private RuleSet(List<RuleDefinition> rules, Map<String, LatePolicy> latePolicies) {
        this.rules = List.copyOf(rules);
        this.latePolicies = Map.copyOf(latePolicies);
    }

    public static RuleSet empty() {
        return new RuleSet(List.of(), Map.of());
    }

    /** Rules built in code rather than read from files (embedding, benchmarks); late events count. */
    public static RuleSet of(List<RuleDefinition> rules) {
        return new RuleSet(rules, Map.of());
    }

    /** Loads every {@code *.groovy} file of {@code dir} (not its subdirectories), in file name order. */
    public static RuleSet loadDirectory(Path dir) throws RuleLoadException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(RULE_FILE_SUFFIX))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new RuleLoadException(List.of(new RuleProblem(dir.toString(), 0, 0,
                    "cannot list the rules directory: " + e)));
        }
        List<RuleSource> sources = new ArrayList<>();
        List<RuleProblem> unreadable = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                sources.add(new RuleSource(name, readUtf8(file)));
            } catch (IOException e) {
                unreadable.add(new RuleProblem(name, 0, 0, "cannot read the file: " + e));
            }
        }
        return compile(sources, unreadable);
    }

    /** Compiles rule sources given as text (tests, {@code rules check}, an API upload). */
    public static RuleSet compile(List<RuleSource> sources) throws RuleLoadException {
        return compile(sources, List.of());
    }

    private static RuleSet compile(List<RuleSource> sources, List<RuleProblem> earlierProblems) throws RuleLoadException {
        List<RuleProblem> problems = new ArrayList<>(earlierProblems);
        RuleCompiler compiler = new RuleCompiler();
        RuleCollector collector = new RuleCollector();
        for (RuleSource source : sources) {
            Class<?> script = compiler.compile(source, problems);
            if (script != null) {
                collector.run(source.fileName(), script);
            }
        }
        problems.addAll(collector.problems());
        if (!problems.isEmpty()) {
            throw new RuleLoadException(problems);
        }
        return new RuleSet(collector.rules(), collector.latePolicies());
    }

    public List<RuleDefinition> rules() {
        return rules;
    }

    /** What {@code rule} does with events behind the watermark ({@code late COUNT|DROP}; COUNT unless it says). */
    public LatePolicy latePolicy(RuleDefinition rule) {
        return latePolicies.getOrDefault(rule.name(), LatePolicy.COUNT);
    }

    public Optional<RuleDefinition> rule(String name) {
        return rules.stream().filter(rule -> rule.name().equals(name)).findFirst();
    }

    private static String readUtf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not valid UTF-8", e);
        }
    }
}
