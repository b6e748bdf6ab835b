package io.seismo.tests.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Appends JSON log lines to one file per service at a steady rate, on its own thread, the way busy services
 * write. Every line carries a unique {@code "seq":N} (0, 1, 2, …), a {@code "bucket"} ({@code "b" + seq / 100}),
 * a service, a trace id and a level. What line N says depends only on the seed: two generators with the same
 * seed write the same lines, whatever the timing.
 *
 * <p>Event time is synthetic, {@link #BASE_TIME} plus 10 ms per sequence number, so a bucket's 100 lines fill
 * exactly one second that starts on a whole second, whatever the wall clock does: window results are then a
 * pure function of the input.
 */
public final class SeededLogGenerator implements AutoCloseable {
    public static final int LINES_PER_BUCKET = 100;
    /** A whole second, so tumbling one-second windows hold exactly one bucket each. */
    public static final Instant BASE_TIME = Instant.parse("2026-01-01T00:00:00Z");
    private static final long EVENT_STEP_MILLIS = 10;
    private static final long TICK_MILLIS = 20;

    private final Path dir;
    private final List<String> services;
    private final int linesPerSecond;
    private final Random random;
    private final List<OutputStream> files = new ArrayList<>();
    private final Thread thread;
    private volatile long limit;
    private volatile long written;
    private volatile boolean stopped;
    private volatile Throwable failure;

    /**
     * @param dir            where {@code <service>.log} files are written
     * @param maxLines       the most lines it will write; a multiple of {@link #LINES_PER_BUCKET}
     */
    public SeededLogGenerator(Path dir, List<String> services, long seed, int linesPerSecond, long maxLines) {
        if (maxLines % LINES_PER_BUCKET != 0 || linesPerSecond < 1 || services.isEmpty()) {
            throw new IllegalArgumentException("maxLines must be a multiple of " + LINES_PER_BUCKET
                    + ", the rate positive and at least one service");
        }
        this.dir = dir;
        this.services = List.copyOf(services);
        this.linesPerSecond = linesPerSecond;
        this.random = new Random(seed);
        this.limit = maxLines;
        this.thread = new Thread(this::run, "seeded-log-generator");
        this.thread.setDaemon(true);
    }

    public List<String> services() {
        return services;
    }

    public Path fileOf(String service) {
        return dir.resolve(service + ".log");
    }

    /** Opens the files (so the agent finds them at once) and starts writing. */
    public SeededLogGenerator start() throws IOException {
        Files.createDirectories(dir);
        for (String service : services) {
            files.add(Files.newOutputStream(fileOf(service), StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        }
        thread.start();
        return this;
    }

    /** Lines written so far. */
    public long written() {
        return written;
    }

    /** How many lines there will be in all: the limit, lowered by {@link #finishBucket}. */
    public long total() {
        return limit;
    }

    /**
     * Stops at the end of the bucket being written (so every bucket it wrote is whole) and waits, bounded,
     * until it got there. Returns the number of lines written.
     */
    public long finishBucket() {
        synchronized (this) { // no line may be written between reading the count and lowering the limit
            long end = Math.min(limit, (written + LINES_PER_BUCKET - 1) / LINES_PER_BUCKET * LINES_PER_BUCKET);
            limit = Math.max(end, LINES_PER_BUCKET);
        }
        await("generator writes its last bucket").atMost(Duration.ofSeconds(60))
                .failFast("generator failed", () -> failure != null)
                .until(() -> written >= limit);
        return written;
    }

    /**
     * Appends to every file one line with no sequence number, ten minutes of event time after the last line: it carries the
     * watermark past every window of the input, so all of them close. Call it after the input was ingested.
     */
    public void writeEndMarker() throws IOException {
        Instant at = eventTime(limit).plus(Duration.ofMinutes(10));
        // Every file gets one: the watermark is the slowest source's, so each must move past the last window.
        for (String service : services) {
            String line = "{\"@timestamp\":\"" + at + "\",\"level\":\"INFO\",\"service\":\"" + service
                    + "\",\"message\":\"end of input\"}\n";
            Files.writeString(fileOf(service), line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
    }

    /** The event time of line {@code seq}. */
    public static Instant eventTime(long seq) {
        return BASE_TIME.plusMillis(seq * EVENT_STEP_MILLIS);
    }

    public static String bucketOf(long seq) {
        return "b" + seq / LINES_PER_BUCKET;
    }

    private void run() {
        long startNanos = System.nanoTime();
        try {
            while (!stopped && written < limit) {
                long due = (System.nanoTime() - startNanos) / 1_000_000 * linesPerSecond / 1000;
                synchronized (this) {
                    while (written < Math.min(limit, due)) {
                        writeLine(written);
                        written++;
                    }
                    for (OutputStream file : files) {
                        file.flush();
                    }
                }
                TimeUnit.MILLISECONDS.sleep(TICK_MILLIS); // the pace of the stream, not a wait for a condition
            }
        } catch (IOException e) {
            failure = new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeLine(long seq) throws IOException {
        int service = random.nextInt(services.size());
        int roll = random.nextInt(100);
        String level = roll < 3 ? "ERROR" : roll < 10 ? "WARN" : "INFO";
        String traceId = Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
        String line = "{\"@timestamp\":\"" + eventTime(seq) + "\",\"level\":\"" + level + "\",\"service\":\""
                + services.get(service) + "\",\"trace_id\":\"" + traceId + "\",\"seq\":" + seq + ",\"bucket\":\""
                + bucketOf(seq) + "\",\"message\":\"request " + seq + " handled\"}\n";
        files.get(service).write(line.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        stopped = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (OutputStream file : files) {
            file.close();
        }
    }
}
