package io.seismo.daemon.ruletest;

import io.seismo.daemon.parse.LineParser;
import io.seismo.daemon.parse.ParserFactory;
import io.seismo.rules.correlate.TraceSummary;
import io.seismo.rules.dsl.RuleSet;
import io.seismo.rules.engine.CorrelationEngine;
import io.seismo.rules.engine.EngineListener;
import io.seismo.rules.engine.EngineOptions;
import io.seismo.rules.event.Event;
import io.seismo.rules.finding.Finding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Replays recorded logs through a rule set in virtual time, as fast as the machine reads: the same parsers and
 * the same engine as the daemon, with event time taken from the lines. Several inputs are merged by time, each
 * keeping its own order, so that out-of-order lines within a file stay out of order as they would live.
 *
 * <p>When the input ends, processing time is let run on for {@link #flushFor} so that windows still open
 * close and firing rules resolve the way they would if the services went quiet.
 */
public final class LogReplay {
    private static final long START_PROCESSING_NANOS = Duration.ofHours(1).toNanos();
    private static final long FLUSH_TICK_NANOS = Duration.ofSeconds(1).toNanos();

    private final RuleSet rules;
    private final EngineOptions options;
    private final Duration flushFor;

    public LogReplay(RuleSet rules, EngineOptions options, Duration flushFor) {
        this.rules = rules;
        this.options = options;
        this.flushFor = flushFor;
    }

    /** @throws UncheckedIOException when an input cannot be read */
    public ReplayResult run(List<LogInput> inputs) {
        List<Finding> transitions = new ArrayList<>();
        CorrelationEngine engine = new CorrelationEngine(rules, options, new EngineListener() {
            @Override
            public void onFindings(List<Finding> round) {
                transitions.addAll(round);
            }

            @Override
            public void onTraceClosed(TraceSummary trace) {
                // Traces matter to rules through the cascade detector; the replay reports findings only.
            }
        });
        engine.onTick(START_PROCESSING_NANOS);
        long lines = 0;
        long parseFailed = 0;
        List<Cursor> cursors = new ArrayList<>();
        try {
            PriorityQueue<Cursor> byTime = new PriorityQueue<>(Comparator.comparingLong(Cursor::headNanos)
                    .thenComparingInt(Cursor::index));
            for (int i = 0; i < inputs.size(); i++) {
                Cursor cursor = new Cursor(i, inputs.get(i));
                cursors.add(cursor);
                if (cursor.advance()) {
                    byTime.add(cursor);
                }
            }
            Cursor next;
            while ((next = byTime.poll()) != null) {
                engine.onEvent(next.head);
                if (next.advance()) {
                    byTime.add(next);
                }
            }
        } finally {
            for (Cursor cursor : cursors) {
                lines += cursor.lines;
                parseFailed += cursor.parseFailed;
                cursor.close();
            }
        }
        long processing = START_PROCESSING_NANOS;
        for (long flushed = 0; flushed <= flushFor.toNanos(); flushed += FLUSH_TICK_NANOS) {
            processing += FLUSH_TICK_NANOS;
            engine.onTick(processing);
        }
        return new ReplayResult(transitions, lines, parseFailed, engine.eventsWithoutTime(), engine.lateEvents());
    }

    /** One input's reader and its next parsed event. */
    private static final class Cursor implements AutoCloseable {
        private final int index;
        private final LogInput input;
        private final LineParser parser;
        private final BufferedReader reader;
        private final Event head = new Event();
        private long lastTimeNanos;
        private long lines;
        private long parseFailed;

        Cursor(int index, LogInput input) {
            this.index = index;
            this.input = input;
            this.parser = ParserFactory.create(input.parser());
            try {
                // A recorded log may hold a few bytes that are not UTF-8; read them as U+FFFD like the agent does.
                this.reader = new BufferedReader(new InputStreamReader(Files.newInputStream(input.path()),
                        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + input.path() + ": " + e.getMessage(), e);
            }
        }

        int index() {
            return index;
        }

        long headNanos() {
            return head.getEventTimeNanos();
        }

        /** Reads and parses the next line into {@link #head}; false at the end of the file. */
        boolean advance() {
            String line;
            try {
                line = reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + input.path() + ": " + e.getMessage(), e);
            }
            if (line == null) {
                return false;
            }
            lines++;
            head.reset();
            head.setService(input.service());
            head.setPath(input.path().toString());
            head.setSource(input.path().toString());
            // A line without its own time (a stack trace's continuation) belongs where the line before it was.
            head.setEventTimeNanos(lastTimeNanos);
            if (!parser.parse(line, head)) {
                parseFailed++;
            }
            lastTimeNanos = head.getEventTimeNanos();
            return true;
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                // Read-only file: nothing is lost by failing to close it.
            }
        }
    }
}
