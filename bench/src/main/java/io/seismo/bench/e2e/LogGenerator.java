package io.seismo.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Appends JSON log lines of about 260 bytes to a few files, round robin, at a target rate or as fast as one
 * thread can within a {@link Backlog}. Each line is one span of a trace drawn from a pool of live trace keys: a trace's
 * front service calls a middle one, which calls a back one ({@link GeneratedLines}), and a line names its span and its
 * parent span. 2 % are errors; every line carries a user, a route and its sequence number. Every {@link GeneratedLines#PROBE_EVERY_NANOS} it also writes a probe line (an error of the
 * service {@code probe} with its own id) and remembers when, so that the alert it causes can be timed.
 */
final class LogGenerator implements AutoCloseable {
    private static final long FLUSH_EVERY_NANOS = 5_000_000L;

    private static final byte[] TIMESTAMP_KEY = ascii("{\"@timestamp\":\"");
    private static final byte[] LEVEL_ERROR = ascii("\",\"level\":\"ERROR\",\"service.name\":\"");
    private static final byte[] LEVEL_INFO = ascii("\",\"level\":\"INFO\",\"service.name\":\"");
    private static final byte[] TRACE_ID_KEY = ascii("\",\"trace_id\":\"");
    private static final byte[] SPAN_ID_KEY = ascii("\",\"span_id\":\"");
    private static final byte[] PARENT_SPAN_ID_KEY = ascii("\",\"parent_span_id\":\"");
    private static final byte[] USER_KEY = ascii("\",\"user\":\"");
    private static final byte[] ROUTE_KEY = ascii("\",\"route\":\"");
    private static final byte[] MESSAGE_KEY = ascii("\",\"message\":\"");
    private static final byte[] SEQ_KEY = ascii("\",\"seq\":");
    private static final byte[] LINE_END = ascii("}\n");
    private static final byte[][] SERVICE_NAMES = ascii(GeneratedLines.SERVICES, GeneratedLines::serviceName);
    private static final byte[][] USERS = ascii(GeneratedLines.USERS, GeneratedLines::user);
    private static final byte[][] ROUTES = ascii(GeneratedLines.ROUTES, GeneratedLines::route);
    private static final byte[][] HANDLED = ascii(GeneratedLines.DURATIONS, ms -> GeneratedLines.message(false, ms));
    private static final byte[][] TIMED_OUT = ascii(GeneratedLines.DURATIONS, ms -> GeneratedLines.message(true, ms));

    private final List<LogFileBuffer> files = new ArrayList<>();
    private final Rate rate;
    private final Backlog backlog;
    private final int traceKeys;
    private final SplittableRandom random = new SplittableRandom(42);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Map<String, Long> probeWrittenAt = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long probes; // written by the generator's thread only
    private long cachedMillis = -1;
    private byte[] cachedTimestamp;

    LogGenerator(List<Path> paths, Rate rate, int traceKeys) throws IOException {
        this(paths, rate, Backlog.UNBOUNDED, traceKeys);
    }

    /** {@code backlog} bounds how far {@code --rate max} runs ahead of delivery. */
    LogGenerator(List<Path> paths, Rate rate, Backlog backlog, int traceKeys) throws IOException {
        for (Path path : paths) {
            files.add(new LogFileBuffer(path));
        }
        this.rate = rate;
        this.backlog = backlog;
        this.traceKeys = traceKeys;
        this.thread = new Thread(this::run, "e2e-generator");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long linesWritten() {
        return written.get();
    }

    /** Probe lines written so far (counted in {@link #linesWritten} too). */
    long probesWritten() {
        return probes;
    }

    long bytesWritten() {
        return bytes.get();
    }

    /** The mean length of the lines written so far, newline included. */
    double meanLineBytes() {
        long lines = written.get();
        return lines == 0 ? 0 : (double) bytes.get() / lines;
    }

    /** When the probe line with this id was written ({@link System#nanoTime()}), or null. */
    Long probeWrittenAt(String probeId) {
        return probeWrittenAt.get(probeId);
    }

    long generatorThreadId() {
        return thread.getId();
    }

    private void run() {
        long start = System.nanoTime();
        long nextProbe = start;
        long lastFlush = start;
        int file = 0;
        try {
            while (running) {
                long now = System.nanoTime();
                long due = rate.dueAfter(now - start);
                int burst = 0;
                while (rate.isMax() ? burst < 1_000 && backlog.allowsAnother(written.get()) : sent() < due && burst < 10_000) {
                    writeOrdinaryLine(files.get(file));
                    file = (file + 1) % files.size();
                    burst++;
                }
                if (now >= nextProbe) {
                    String id = "p-" + probes++;
                    write(files.get(0), probeLine(id));
                    flush();
                    probeWrittenAt.put(id, System.nanoTime());
                    nextProbe += GeneratedLines.PROBE_EVERY_NANOS;
                }
                if (now - lastFlush >= FLUSH_EVERY_NANOS) {
                    flush();
                    lastFlush = now;
                }
                if (burst == 0) { // on time, or as far ahead of delivery as the backlog allows
                    Thread.sleep(1);
                }
            }
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lines or bytes written so far, in the unit the rate is set in. */
    private long sent() {
        return rate.unit() == Rate.Unit.LINES ? written.get() : bytes.get();
    }

    /** One span's line, put together in {@code file}'s buffer. */
    private void writeOrdinaryLine(LogFileBuffer file) throws IOException {
        long before = file.bytesPut();
        boolean error = random.nextInt(100) < GeneratedLines.ERROR_PERCENT;
        long traceKey = random.nextInt(traceKeys);
        int tier = random.nextInt(GeneratedLines.TIERS);
        file.put(TIMESTAMP_KEY);
        file.put(timestamp());
        file.put(error ? LEVEL_ERROR : LEVEL_INFO);
        file.put(SERVICE_NAMES[GeneratedLines.service(traceKey, tier)]);
        file.put(TRACE_ID_KEY);
        file.putHex(GeneratedLines.traceIdHigh(traceKey));
        file.putHex(GeneratedLines.TRACE_ID_LOW);
        file.put(SPAN_ID_KEY);
        file.putHex(GeneratedLines.spanIdValue(traceKey, tier));
        if (tier > 0) {
            file.put(PARENT_SPAN_ID_KEY);
            file.putHex(GeneratedLines.spanIdValue(traceKey, tier - 1));
        }
        file.put(USER_KEY);
        file.put(USERS[random.nextInt(GeneratedLines.USERS)]);
        file.put(ROUTE_KEY);
        file.put(ROUTES[random.nextInt(GeneratedLines.ROUTES)]);
        file.put(MESSAGE_KEY);
        file.put((error ? TIMED_OUT : HANDLED)[random.nextInt(GeneratedLines.DURATIONS)]);
        file.put(SEQ_KEY);
        file.putDecimal(written.get());
        file.put(LINE_END);
        counted(file.bytesPut() - before);
    }

    private String probeLine(String id) {
        String probe = GeneratedLines.PROBE;
        return "{\"@timestamp\":\"" + Instant.now() + "\",\"level\":\"ERROR\",\"service.name\":\"" + probe + "\",\"" + probe + "\":\""
                + id + "\",\"message\":\"latency probe " + id + "\",\"seq\":" + written.get() + "}\n";
    }

    private void write(LogFileBuffer file, String text) throws IOException {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        file.put(encoded);
        counted(encoded.length);
    }

    /** Only this thread writes the counts; others read them. */
    private void counted(long lineBytes) {
        written.lazySet(written.get() + 1);
        bytes.lazySet(bytes.get() + lineBytes);
    }

    private void flush() throws IOException {
        for (LogFileBuffer file : files) {
            file.flush();
        }
    }

    /** Lines within one millisecond share their timestamp's bytes. */
    private byte[] timestamp() {
        long millis = System.currentTimeMillis();
        if (millis != cachedMillis) {
            cachedMillis = millis;
            cachedTimestamp = ascii(Instant.ofEpochMilli(millis).toString());
        }
        return cachedTimestamp;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[][] ascii(int count, IntFunction<String> text) {
        return IntStream.range(0, count).mapToObj(i -> ascii(text.apply(i))).toArray(byte[][]::new);
    }

    @Override
    public void close() throws IOException {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (LogFileBuffer file : files) {
            file.close();
        }
    }
}
