package io.seismo.dist.demo;

import io.seismo.dist.launch.ChildProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code seismo demo}: a daemon and an agent as real processes, six services writing JSON logs, one of them
 * broken deep in the call graph and later healed. The daemon's console sink prints the alerts here.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a daemon, an agent and six services; break payments-db, watch one cascade alert, heal it.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dir", description = "Working folder for logs, state and configs (default: ${DEFAULT-VALUE}).",
            defaultValue = "seismo-demo")
    Path dir;

    @Option(names = "--port", description = "Daemon port (default: ${DEFAULT-VALUE}).", defaultValue = "7070")
    int port;

    @Option(names = "--break-after", description = "Seconds of healthy traffic before the fault (default: ${DEFAULT-VALUE}).",
            defaultValue = "20")
    int breakAfterSeconds;

    @Option(names = "--heal-after", description = "Seconds the fault lasts (default: ${DEFAULT-VALUE}).", defaultValue = "25")
    int healAfterSeconds;

    @Option(names = "--broken", description = "The service to break (default: ${DEFAULT-VALUE}).", defaultValue = "payments-db")
    String broken;

    @Option(names = "--duration", description = "Stop after this many seconds (default: run until Ctrl-C).")
    Integer durationSeconds;

    @Override
    public Integer call() throws Exception {
        Path work = dir.toAbsolutePath();
        ServiceGraph graph = ServiceGraph.demo();
        DemoFiles.write(work, port, graph);
        say("working in " + work);
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: tell the main thread to stop, then hold the JVM until it has stopped the children.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "seismo-demo-stop"));
        try {
            return run(work, graph, stop);
        } finally {
            finished.countDown();
        }
    }

    private int run(Path work, ServiceGraph graph, CountDownLatch stop) throws Exception {
        try (TrafficGenerator traffic = TrafficGenerator.start(new GeneratorOptions(work.resolve("logs")));
             ChildProcess daemon = ChildProcess.start("daemon", work, null, Map.of("SEISMO_LOG_LEVEL", "WARN"),
                     "daemon", "--config", work.resolve("seismo.yaml").toString())) {
            if (!awaitReady(daemon)) {
                say("the daemon did not become ready; see the messages above");
                return 1;
            }
            try (ChildProcess agent = ChildProcess.start("agent", work, work.resolve("agent.out"), Map.of(),
                    "agent", "--config", work.resolve("agent.yaml").toString())) {
                say("daemon on http://127.0.0.1:" + port + " — metrics at http://127.0.0.1:" + port + "/metrics, alerts at /v1/alerts");
                say(graph.services().size() + " services are logging to " + work.resolve("logs") + " (" + graph.entry() + " → …)");
                say("breaking " + broken + " in " + breakAfterSeconds + " s");
                if (waitOrStop(stop, breakAfterSeconds)) {
                    return 0;
                }
                traffic.breakService(broken);
                say(broken + " is failing now; its callers will fail with it. Watch for ONE cascade alert.");
                if (waitOrStop(stop, healAfterSeconds)) {
                    return 0;
                }
                traffic.heal();
                say(broken + " healed; the cascade resolves once the window has no errors. Ctrl-C to stop.");
                if (durationSeconds != null) {
                    waitOrStop(stop, Math.max(0, durationSeconds - breakAfterSeconds - healAfterSeconds));
                } else {
                    stop.await();
                }
                say("stopping");
            }
        }
        return 0;
    }

    /** Sleeps for the given seconds unless Ctrl-C comes first; true when it did. */
    private static boolean waitOrStop(CountDownLatch stop, int seconds) throws InterruptedException {
        return stop.await(seconds, TimeUnit.SECONDS);
    }

    private boolean awaitReady(ChildProcess daemon) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest readyz = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && daemon.isAlive()) {
            try {
                if (client.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static void say(String message) {
        System.out.println("[demo] " + message);
    }
}
