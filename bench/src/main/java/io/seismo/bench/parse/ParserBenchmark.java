package io.seismo.bench.parse;

import io.seismo.bench.ByteCounter;

import io.seismo.daemon.parse.LineParser;
import io.seismo.daemon.parse.LineText;
import io.seismo.daemon.parse.ParserFactory;
import io.seismo.daemon.parse.ParserSpec;
import io.seismo.rules.event.Event;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Parsing throughput per core, one line per operation, with the bytes parsed counted alongside so that JMH
 * prints MB/s directly ({@code bytes} in the table, per second). Issue 8's targets: JSON 250 MB/s, an Apache
 * access log through a regex with 8 named groups 40 MB/s, logfmt 150 MB/s. Each line is parsed as the daemon's
 * ring slots hand it over: its bytes in a {@link LineText}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ParserBenchmark {
    /** An Apache access log line's eight parts, as named groups. */
    static final String APACHE_ACCESS = "^(?<host>\\S+) (?<ident>\\S+) (?<user>\\S+) \\[(?<time>[^\\]]+)\\] "
            + "\"(?<message>(?<method>\\S+) (?<path>\\S+) \\S+)\" (?<status>\\d{3}) (?<bytes>\\d+|-)$";

    @Param({"json", "logfmt", "regex"})
    public String format;

    private LineParser parser;
    private LineText[] lines;
    private int next;
    private final Event event = new Event();

    @Setup
    public void setUp() {
        parser = ParserFactory.create(switch (format) {
            case "json" -> ParserSpec.json();
            case "logfmt" -> ParserSpec.logfmt();
            case "regex" -> ParserSpec.regex(APACHE_ACCESS).withTimeFormat("dd/MMM/yyyy:HH:mm:ss Z");
            default -> throw new IllegalArgumentException("unknown format " + format);
        });
        String[] samples = SampleLines.of(format, 1024);
        lines = new LineText[samples.length];
        for (int i = 0; i < samples.length; i++) {
            byte[] ascii = samples[i].getBytes(StandardCharsets.US_ASCII);
            lines[i] = new LineText();
            lines[i].setBytes(ascii, 0, ascii.length, true);
        }
        // A line that fails fails fast, which would flatter the figure: every sample must parse, with its time.
        for (LineText line : lines) {
            event.reset();
            if (!parser.parse(line, event) || event.getEventTimeNanos() <= 0) {
                throw new IllegalStateException(format + " sample did not parse: " + line + " ("
                        + event.attr(LineParser.PARSE_ERROR_ATTR) + ")");
            }
        }
    }

    @Benchmark
    public boolean parse(ByteCounter counter) {
        LineText line = lines[next++ & (lines.length - 1)];
        counter.bytes += line.length();
        event.reset();
        return parser.parse(line, event);
    }
}
