package io.seismo.bench.e2e;

import java.io.IOException;
import java.time.Duration;

/**
 * The daemon's count of ingested lines, scraped from its {@code /metrics} every {@link #EVERY} on a thread of its
 * own, for the generator's {@link Backlog}. A scrape the daemon answers late or not at all leaves the last count.
 */
final class IngestedLines implements AutoCloseable {
    private static final Duration EVERY = Duration.ofMillis(100);

    private final int port;
    private final Thread thread;
    private volatile long lines;
    private volatile boolean running = true;

    IngestedLines(int port) {
        this.port = port;
        this.thread = new Thread(this::run, "e2e-ingested-lines");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    long lines() {
        return lines;
    }

    private void run() {
        while (running) {
            try {
                lines = (long) DaemonMetrics.scrape(port).events();
            } catch (IOException e) {
                // Scraped again below.
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
