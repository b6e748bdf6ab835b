package io.seismo.bench.e2e;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends JSON log lines of about 260 bytes to a few files, round robin, at a target rate or as fast as one
 * thread can within a {@link Backlog}. Each line is one span of a trace drawn from a pool of live trace keys: a trace's
 * front service calls a middle one, which calls a back one ({@link GeneratedLines}), and a line names its span and its
 * parent span. 2 % are errors; every line carries a user, a route and its sequence number. Every {@link GeneratedLines#PROBE_EVERY_NANOS} it also writes a probe line (an error of the
 * service {@code probe} with its own id) and remembers when, so that the alert it causes can be timed.
 */
final class LogGenerator implements AutoCloseable {
    private static final long FLUSH_EVERY_NANOS = 5_000_000L;

    private final List<OutputStream> files = new ArrayList<>();
    private final Rate rate;
    private final Backlog backlog;
    private final int traceKeys;
    private final SplittableRandom random = new SplittableRandom(42);
    private final StringBuilder line = new StringBuilder(320);
    private final char[] idChars = new char[GeneratedLines.TRACE_ID_CHARS];
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Map<String, Long> probeWrittenAt = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long probes; // written by the generator's thread only
    private long cachedMillis = -1;
    private String cachedTimestamp;

    LogGenerator(List<Path> paths, Rate rate, int traceKeys) throws IOException {
        this(paths, rate, Backlog.UNBOUNDED, traceKeys);
    }

    /** {@code backlog} bounds how far {@code --rate max} runs ahead of delivery. */
    LogGenerator(List<Path> paths, Rate rate, Backlog backlog, int traceKeys) throws IOException {
        for (Path path : paths) {
            files.add(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16));
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
                    write(files.get(file), ordinaryLine());
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

    private String ordinaryLine() {
        long seq = written.get();
        boolean error = random.nextInt(100) < GeneratedLines.ERROR_PERCENT;
        long traceKey = random.nextInt(traceKeys);
        int tier = random.nextInt(GeneratedLines.TIERS);
        line.setLength(0);
        line.append("{\"@timestamp\":\"").append(timestamp()).append("\",\"level\":\"").append(error ? "ERROR" : "INFO")
                .append("\",\"service.name\":\"").append(GeneratedLines.serviceName(GeneratedLines.service(traceKey, tier)))
                .append("\",\"trace_id\":\"");
        GeneratedLines.traceId(traceKey, idChars, 0);
        line.append(idChars, 0, GeneratedLines.TRACE_ID_CHARS).append("\",\"span_id\":\"");
        GeneratedLines.spanId(traceKey, tier, idChars, 0);
        line.append(idChars, 0, GeneratedLines.SPAN_ID_CHARS);
        if (tier > 0) {
            line.append("\",\"parent_span_id\":\"");
            GeneratedLines.spanId(traceKey, tier - 1, idChars, 0);
            line.append(idChars, 0, GeneratedLines.SPAN_ID_CHARS);
        }
        line.append("\",\"user\":\"").append(GeneratedLines.user(random.nextInt(GeneratedLines.USERS)))
                .append("\",\"route\":\"").append(GeneratedLines.route(random.nextInt(GeneratedLines.ROUTES)))
                .append("\",\"message\":\"").append(GeneratedLines.message(error, random.nextInt(GeneratedLines.DURATIONS)))
                .append("\",\"seq\":").append(seq).append("}\n");
        return line.toString();
    }

    private String probeLine(String id) {
        String probe = GeneratedLines.PROBE;
        return "{\"@timestamp\":\"" + Instant.now() + "\",\"level\":\"ERROR\",\"service.name\":\"" + probe + "\",\"" + probe + "\":\""
                + id + "\",\"message\":\"latency probe " + id + "\",\"seq\":" + written.get() + "}\n";
    }

    private void write(OutputStream out, String text) throws IOException {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        out.write(encoded);
        written.incrementAndGet();
        bytes.addAndGet(encoded.length);
    }

    private void flush() throws IOException {
        for (OutputStream out : files) {
            out.flush();
        }
    }

    /** Lines within one millisecond share their timestamp text. */
    private String timestamp() {
        long millis = System.currentTimeMillis();
        if (millis != cachedMillis) {
            cachedMillis = millis;
            cachedTimestamp = Instant.ofEpochMilli(millis).toString();
        }
        return cachedTimestamp;
    }

    @Override
    public void close() throws IOException {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (OutputStream out : files) {
            out.close();
        }
    }
}
