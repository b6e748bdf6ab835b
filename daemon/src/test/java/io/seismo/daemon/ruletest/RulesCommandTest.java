package io.seismo.daemon.ruletest;

import io.seismo.daemon.cli.RulesCommand;
import io.seismo.daemon.parse.LoghubSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RulesCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The shipped recorded-log examples, each against its hand-counted expectations file. */
    @ParameterizedTest
    @CsvSource({
            "openssh, OpenSSH_2k.log, MMM ppd HH:mm:ss, ",
            "apache, Apache_2k.log, EEE MMM dd HH:mm:ss yyyy, apache",
            "hdfs, HDFS_2k.log, yyMMdd HHmmss, hdfs"})
    void shouldMeetTheHandCountedExpectationsOnLoghubSamples(String name, String sample, String timeFormat,
                                                             String service) throws IOException {
        Path examples = LoghubSamples.repositoryRoot().resolve("rules/examples/recorded");
        List<String> args = new ArrayList<>(List.of("test", examples.resolve(name + ".groovy").toString(),
                "--input", LoghubSamples.path(sample).toString(), "--format", "regex",
                "--pattern", Files.readString(examples.resolve(name + ".regex")).strip(),
                "--time-format", timeFormat, "--expect", examples.resolve(name + "-expect.yaml").toString()));
        if (service != null) {
            args.addAll(List.of("--service", service));
        }

        int exit = run(args.toArray(String[]::new));

        assertThat(err.toString()).doesNotContain("FAILED");
        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("FIRING").contains("RESOLVED").contains("0 unparsed");
    }

    @Test
    void shouldPrintWhyARuleFiredWithFiguresWindowAndSample() throws IOException {
        Path rule = write("burst.groovy", """
                threshold('burst') {
                    by { service }
                    window tumbling(10.seconds)
                    fireWhen { errors >= 3 }
                }
                """);
        Path log = write("checkout.log", jsonLines(
                "2026-01-01T00:00:01Z", "ERROR", "t1",
                "2026-01-01T00:00:02Z", "ERROR", "t2",
                "2026-01-01T00:00:03Z", "ERROR", "t3",
                "2026-01-01T00:00:30Z", "INFO", "t4"));

        int exit = run("test", rule.toString(), "--input", log.toString());

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("2026-01-01T00:00:10Z  FIRING   burst [checkout]")
                .contains("errors=3")
                .contains("window 2026-01-01T00:00:00Z – 2026-01-01T00:00:10Z")
                .contains("e.g. \"payment failed\"")
                .contains("RESOLVED burst [checkout]")
                .contains("4 lines (0 unparsed, 0 without a time, 0 late): 1 fired, 1 resolved");
    }

    @Test
    void shouldMergeSeveralInputsByEventTime() throws IOException {
        Path rule = write("burst.groovy", """
                threshold('burst') {
                    by { service }
                    window tumbling(10.seconds)
                    fireWhen { errors >= 2 }
                }
                """);
        // Each file alone is within the window once; merged, neither is late.
        Path first = write("a.log", jsonLines("2026-01-01T00:00:01Z", "ERROR", "t1", "2026-01-01T00:00:21Z", "ERROR", "t3"));
        Path second = write("b.log", jsonLines("2026-01-01T00:00:02Z", "ERROR", "t2", "2026-01-01T00:00:22Z", "ERROR", "t4"));

        int exit = run("test", rule.toString(), "--input", first.toString(), second.toString(), "--service", "web", "--json");

        assertThat(exit).isZero();
        assertThat(out.toString().lines().filter(line -> line.contains("\"status\":\"firing\"")).count()).isEqualTo(2);
        assertThat(out.toString()).doesNotContain("\"late\"");
    }

    @Test
    void shouldFailWithExitOneAndSayWhichExpectationWasUnmet() throws IOException {
        Path rule = write("burst.groovy", "threshold('burst') { window tumbling(10.seconds); fireWhen { errors >= 1 } }\n");
        Path log = write("svc.log", jsonLines("2026-01-01T00:00:01Z", "ERROR", "t1"));
        Path expect = write("expect.yaml", """
                exhaustive: true
                expect:
                  - rule: burst
                    key: other-service
                    exactly: 1
                """);

        int exit = run("test", rule.toString(), "--input", log.toString(), "--expect", expect.toString());

        assertThat(exit).isEqualTo(RulesCommand.EXIT_EXPECTATIONS_UNMET);
        assertThat(err.toString())
                .contains("FAILED: expected burst [other-service] fires exactly 1 time(s), it fired 0 time(s)")
                .contains("FAILED: unexpected firing: burst [svc]");
    }

    @Test
    void shouldRejectAnExpectationsFileWithAnUnknownKey() throws IOException {
        Path rule = write("burst.groovy", "threshold('burst') { fireWhen { errors >= 1 } }\n");
        Path log = write("svc.log", jsonLines("2026-01-01T00:00:01Z", "ERROR", "t1"));
        Path expect = write("expect.yaml", "expect:\n  - rule: burst\n    exactely: 1\n");

        int exit = run("test", rule.toString(), "--input", log.toString(), "--expect", expect.toString());

        assertThat(exit).isEqualTo(RulesCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("unknown key 'expect[0].exactely'");
    }

    @Test
    void shouldReportEachBrokenRuleAsFileLineColumnAndExitTwo() throws IOException {
        Path good = write("good.groovy", "threshold('fine') { fireWhen { errors >= 1 } }\n");
        Path bad = write("bad.groovy", "threshold('broken') {\n    fireWhen { errors >= }\n}\n");

        int exit = run("check", good.toString(), bad.toString());

        assertThat(exit).isEqualTo(RulesCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).containsPattern(java.util.regex.Pattern.quote(bad.toString()) + ":2:\\d+: ");
    }

    @Test
    void shouldAcceptGoodRulesAndFoldersOfThem() throws IOException {
        write("one.groovy", "threshold('one') { fireWhen { errors >= 1 } }\n");
        write("two.groovy", "threshold('two') { fireWhen { errors >= 2 } }\n");

        int exit = run("check", dir.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("OK: 2 rule(s) in 1 path(s)");
    }

    @Test
    void shouldSayWhenAnInputCannotBeRead() throws IOException {
        Path rule = write("burst.groovy", "threshold('burst') { fireWhen { errors >= 1 } }\n");

        int exit = run("test", rule.toString(), "--input", dir.resolve("missing.log").toString());

        assertThat(exit).isEqualTo(RulesCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("cannot read").contains("missing.log");
    }

    private int run(String... args) {
        return new CommandLine(new RulesCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** JSON log lines from (time, level, trace id) triples. */
    private static String jsonLines(String... fields) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < fields.length; i += 3) {
            lines.append("{\"ts\":\"").append(fields[i]).append("\",\"level\":\"").append(fields[i + 1])
                    .append("\",\"trace_id\":\"").append(fields[i + 2]).append("\",\"msg\":\"payment failed\"}\n");
        }
        return lines.toString();
    }
}
