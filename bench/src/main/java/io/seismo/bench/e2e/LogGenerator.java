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
 * thread can: 20 services, 2 % errors, a trace id drawn from a pool of live trace keys, a user and a route,
 * and a sequence number in every line. Every {@link #PROBE_EVERY_NANOS} it also writes a probe line (an error
 * of the service {@code probe} with its own id) and remembers when, so that the alert it causes can be timed.
 */
final class LogGenerator implements AutoCloseable {
    static final long PROBE_EVERY_NANOS = 200_000_000L;
    private static final int SERVICES = 20;
    private static final long FLUSH_EVERY_NANOS = 5_000_000L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final List<OutputStream> files = new ArrayList<>();
    private final long rate;
    private final int traceKeys;
    private final SplittableRandom random = new SplittableRandom(42);
    private final StringBuilder line = new StringBuilder(320);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Map<String, Long> probeWrittenAt = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private long probes;
    private long cachedMillis = -1;
    private String cachedTimestamp;

    /** @param rate lines per second in all, 0 for as fast as possible */
    LogGenerator(List<Path> paths, long rate, int traceKeys) throws IOException {
        for (Path path : paths) {
            files.add(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16));
        }
        this.rate = rate;
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

    long bytesWritten() {
        return bytes.get();
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
                long due = rate == 0 ? Long.MAX_VALUE : (now - start) * rate / 1_000_000_000L;
                int burst = 0;
                while (written.get() < due && burst < 10_000 || rate == 0 && burst < 1_000) {
                    write(files.get(file), ordinaryLine());
                    file = (file + 1) % files.size();
                    burst++;
                }
                if (now >= nextProbe) {
                    String id = "p-" + probes++;
                    write(files.get(0), probeLine(id));
                    flush();
                    probeWrittenAt.put(id, System.nanoTime());
                    nextProbe += PROBE_EVERY_NANOS;
                }
                if (now - lastFlush >= FLUSH_EVERY_NANOS) {
                    flush();
                    lastFlush = now;
                }
                if (rate != 0 && burst == 0) {
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

    private String ordinaryLine() {
        long seq = written.get();
        boolean error = random.nextInt(100) < 2;
        line.setLength(0);
        line.append("{\"@timestamp\":\"").append(timestamp()).append("\",\"level\":\"").append(error ? "ERROR" : "INFO")
                .append("\",\"service.name\":\"svc-").append(random.nextInt(SERVICES))
                .append("\",\"trace_id\":\"");
        hex(random.nextInt(traceKeys) * 0x9E3779B97F4A7C15L, 16);
        hex(0x5851F42D4C957F2DL, 16);
        line.append("\",\"span_id\":\"");
        hex(random.nextLong(), 16);
        line.append("\",\"user\":\"user-").append(random.nextInt(10_000))
                .append("\",\"route\":\"/api/v").append(random.nextInt(3)).append("/items")
                .append("\",\"message\":\"").append(error ? "request failed: upstream timed out after " : "handled request in ")
                .append(random.nextInt(300)).append(" ms for customer ").append(random.nextInt(100_000))
                .append("\",\"seq\":").append(seq).append("}\n");
        return line.toString();
    }

    private String probeLine(String id) {
        return "{\"@timestamp\":\"" + Instant.now() + "\",\"level\":\"ERROR\",\"service.name\":\"probe\",\"probe\":\""
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

    private void hex(long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            line.append(HEX[(int) (value >>> shift) & 0xF]);
        }
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
