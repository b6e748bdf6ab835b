package io.seismo.dist.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes realistic JSON log traffic of a small microservice system, one file per service
 * ({@code <dir>/<service>.log}), on its own daemon thread, until closed.
 *
 * <p>Each request is planned whole when it starts, then its lines are written when the wall clock
 * reaches their timestamps, so every file reads in time order as a real service's log would. Buffered
 * lines are written at least every {@value #FLUSH_INTERVAL_MS} ms.
 *
 * <p>{@link #breakService}, {@link #heal} and {@link #stats} may be called from any thread; a request
 * sees the faults in force when it starts.
 */
public final class TrafficGenerator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficGenerator.class);

    static final long FLUSH_INTERVAL_MS = 20;
    private static final long FLUSH_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(FLUSH_INTERVAL_MS);
    // Bounds every sleep, so close() and new faults take effect promptly.
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    // After a longer stall (a suspended VM, a starved core) resume the pace rather than burst to catch up.
    private static final long MAX_LAG_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final GeneratorOptions options;
    private final ServiceGraph graph;
    private final RequestMix mix;
    private final RequestSimulator simulator;
    private final Random random;
    private final Map<String, ServiceLogFile> files;
    private final PriorityQueue<ScheduledLine> scheduled = new PriorityQueue<>(
            Comparator.comparingLong(ScheduledLine::dueNanos).thenComparingLong(ScheduledLine::order));
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Set<String> broken = Set.of();
    private volatile Exception failure;
    private long scheduledCount;

    private TrafficGenerator(GeneratorOptions options, ServiceGraph graph, Map<String, ServiceScript> scripts,
                             RequestMix mix) throws IOException {
        this.options = options;
        this.graph = graph;
        this.mix = mix.requireCallsWithin(graph);
        this.random = new Random(options.seed());
        this.simulator = new RequestSimulator(graph, scripts, random);
        this.files = openFiles(options.dir(), graph.services());
        this.thread = new Thread(this::run, "seismo-demo-traffic");
        thread.setDaemon(true);
    }

    /** Opens (or appends to) one file per service of {@link ServiceGraph#demo()} and starts the traffic. */
    public static TrafficGenerator start(GeneratorOptions options) throws IOException {
        TrafficGenerator generator =
                new TrafficGenerator(options, ServiceGraph.demo(), DemoScripts.forDemo(), RequestMix.demo());
        generator.thread.start();
        return generator;
    }

    public ServiceGraph graph() {
        return graph;
    }

    public Path logFile(String service) {
        requireKnown(service);
        return files.get(service).path();
    }

    /** From the next request on, {@code service} fails, and so does every caller on a path to it. */
    public synchronized void breakService(String service) {
        requireKnown(service);
        Set<String> next = new HashSet<>(broken);
        next.add(service);
        broken = Set.copyOf(next);
        LOG.debug("demo traffic: {} is now failing", service);
    }

    /** From the next request on, every service is healthy again. */
    public synchronized void heal() {
        broken = Set.of();
        LOG.debug("demo traffic: all services healthy");
    }

    public Set<String> brokenServices() {
        return broken;
    }

    /** Lines written to disk so far, per service, in graph order. */
    public Map<String, Long> stats() {
        Map<String, Long> lines = new LinkedHashMap<>();
        files.forEach((service, file) -> lines.put(service, file.linesWritten()));
        return Collections.unmodifiableMap(lines);
    }

    /** Why the generator stopped on its own (a write failed), if it did. */
    public Optional<Exception> failure() {
        return Optional.ofNullable(failure);
    }

    /** Stops the traffic, writes the lines of requests already started, and closes the files. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("demo traffic thread did not stop within {}", STOP_TIMEOUT);
        }
    }

    private void run() {
        long interval = TimeUnit.SECONDS.toNanos(1) / options.requestsPerSecond();
        long nextRequest = System.nanoTime();
        long nextFlush = nextRequest + FLUSH_INTERVAL_NANOS;
        try {
            while (running && !Thread.currentThread().isInterrupted()) {
                long now = System.nanoTime();
                if (now - nextRequest > MAX_LAG_NANOS) {
                    nextRequest = now;
                }
                while (nextRequest - now <= 0) {
                    startRequest();
                    nextRequest += interval;
                }
                writeDue(now);
                if (now - nextFlush >= 0) {
                    flushAll();
                    nextFlush = now + FLUSH_INTERVAL_NANOS;
                }
                LockSupport.parkNanos(Math.min(nextWake(nextRequest, nextFlush) - System.nanoTime(), MAX_PARK_NANOS));
            }
        } catch (IOException e) {
            stopWith(e, "cannot write logs to " + options.dir());
        } catch (RuntimeException e) {
            stopWith(e, "unexpected failure");
        } finally {
            finish();
        }
    }

    private void stopWith(Exception e, String reason) {
        failure = e;
        LOG.error("demo traffic stopped: {}", reason, e);
    }

    private void startRequest() {
        // Clock before faults: a request stamped after heal() returned has certainly seen the heal.
        Instant start = options.clock().instant();
        long startNanos = System.nanoTime();
        Set<String> faults = broken;
        for (LogLine line : simulator.simulate(mix.pick(random), start, faults)) {
            long offsetNanos = Duration.between(start, line.timestamp()).toNanos();
            scheduled.add(new ScheduledLine(startNanos + offsetNanos, scheduledCount++, line));
        }
    }

    private void writeDue(long now) {
        while (!scheduled.isEmpty() && scheduled.peek().dueNanos() - now <= 0) {
            appendNextScheduled();
        }
    }

    private void appendNextScheduled() {
        LogLine line = scheduled.poll().line();
        files.get(line.service()).append(line);
    }

    private long nextWake(long nextRequest, long nextFlush) {
        long wake = nextRequest - nextFlush < 0 ? nextRequest : nextFlush;
        if (!scheduled.isEmpty() && scheduled.peek().dueNanos() - wake < 0) {
            wake = scheduled.peek().dueNanos();
        }
        return wake;
    }

    private void flushAll() throws IOException {
        for (ServiceLogFile file : files.values()) {
            file.flush();
        }
    }

    /** Writes what is still scheduled, so no started trace is cut short, then closes every file. */
    private void finish() {
        while (!scheduled.isEmpty()) {
            appendNextScheduled();
        }
        for (ServiceLogFile file : files.values()) {
            try {
                file.close();
            } catch (IOException e) {
                LOG.error("cannot close demo log {}", file.path(), e);
            }
        }
    }

    private void requireKnown(String service) {
        if (!graph.contains(service)) {
            throw graph.unknown(service);
        }
    }

    private static Map<String, ServiceLogFile> openFiles(Path dir, List<String> services) throws IOException {
        Files.createDirectories(dir);
        LogLineEncoder encoder = new LogLineEncoder();
        Map<String, ServiceLogFile> files = new LinkedHashMap<>();
        try {
            for (String service : services) {
                files.put(service, ServiceLogFile.open(dir.resolve(service + ".log"), encoder));
            }
        } catch (IOException | RuntimeException e) {
            for (ServiceLogFile opened : files.values()) {
                try {
                    opened.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        return files;
    }

    private record ScheduledLine(long dueNanos, long order, LogLine line) {
    }
}
