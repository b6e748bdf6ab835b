package io.seismo.daemon.cli;

import io.seismo.daemon.parse.ParserSpec;
import io.seismo.daemon.ruletest.Expectations;
import io.seismo.daemon.ruletest.LogInput;
import io.seismo.daemon.ruletest.LogReplay;
import io.seismo.daemon.ruletest.ReplayResult;
import io.seismo.daemon.ruletest.TransitionPrinter;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.engine.EngineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code seismo rules check|test}: rules are code, so they get a compiler and a test runner a user can put in
 * their own CI. Exit codes: 0 all good, 1 a replay did not meet its expectations, 2 a rule, an input or an
 * option is bad (the code the daemon stops with on a bad rule).
 */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Check rule files and test them against recorded logs.",
        subcommands = {RulesCommand.Check.class, RulesCommand.Test.class})
public final class RulesCommand {
    public static final int EXIT_OK = 0;
    public static final int EXIT_EXPECTATIONS_UNMET = 1;
    public static final int EXIT_BAD_INPUT = DaemonCommand.EXIT_BAD_CONFIG;

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Compile rule files (or folders of them) as the daemon would; print file:line:column: message per problem.")
    static final class Check implements Callable<Integer> {
        @Mixin
        RuleFilesArgument rules;

        @Override
        public Integer call() {
            PrintWriter out = rules.out();
            RuleSet compiled = rules.compile();
            if (compiled == null) {
                return EXIT_BAD_INPUT;
            }
            out.printf("OK: %d rule(s) in %d path(s)%n", compiled.rules().size(), rules.files.size());
            out.flush();
            return EXIT_OK;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Replay recorded logs through the rules in event time and print what would fire and resolve, when and why.")
    static final class Test implements Callable<Integer> {
        @Mixin
        RuleFilesArgument ruleFiles;

        @Option(names = {"-i", "--input"}, required = true, arity = "1..*", paramLabel = "LOG",
                description = "Recorded log files, merged by event time.")
        List<Path> inputs;

        @Option(names = "--format", defaultValue = "json", description = "json, logfmt, regex or raw (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--pattern", description = "The regex with named groups, for --format regex.")
        String pattern;

        @Option(names = "--time-format", description = "A DateTimeFormatter pattern for the time field.")
        String timeFormat;

        @Option(names = "--time-zone", description = "The zone of times without an offset (default UTC).")
        String timeZone;

        @Option(names = "--service", description = "The service of the lines (default: the file name without extension).")
        String service;

        @Option(names = "--lateness", defaultValue = "2s", description = "Allowed lateness (default: ${DEFAULT-VALUE}).",
                converter = DurationOption.class)
        Duration lateness;

        @Option(names = "--flush", defaultValue = "10m",
                description = "Quiet time let pass after the input ends, so open windows close (default: ${DEFAULT-VALUE}).",
                converter = DurationOption.class)
        Duration flush;

        @Option(names = "--expect", paramLabel = "YAML", description = "Expectations; the exit code says whether they hold.")
        Path expect;

        @Option(names = "--json", description = "Print one JSON object per fire or resolve.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = ruleFiles.out();
            PrintWriter err = ruleFiles.err();
            RuleSet rules = ruleFiles.compile();
            if (rules == null) {
                return EXIT_BAD_INPUT;
            }
            Expectations expectations;
            List<LogInput> logs = new ArrayList<>();
            try {
                expectations = expect == null ? null : Expectations.read(expect);
                ParserSpec parser = new ParserSpec(format, pattern, timeFormat, timeZone);
                for (Path input : inputs) {
                    logs.add(new LogInput(input, service != null ? service : baseName(input), parser));
                }
                ReplayResult result = new LogReplay(rules,
                        EngineOptions.defaults().withAllowedLatenessNanos(lateness.toNanos()), flush).run(logs);
                new TransitionPrinter(out, json).print(result);
                if (expectations == null) {
                    return EXIT_OK;
                }
                List<String> failures = expectations.failures(result);
                failures.forEach(failure -> err.println("FAILED: " + failure));
                err.flush();
                return failures.isEmpty() ? EXIT_OK : EXIT_EXPECTATIONS_UNMET;
            } catch (IllegalArgumentException | UncheckedIOException e) {
                err.println("seismo rules test: " + e.getMessage());
                err.flush();
                return EXIT_BAD_INPUT;
            }
        }

        private static String baseName(Path file) {
            String name = file.getFileName().toString();
            int dot = name.indexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }
    }
}
