package io.seismo.daemon.cli;

import io.seismo.daemon.Daemon;
import io.seismo.daemon.config.ConfigException;
import io.seismo.daemon.config.DaemonConfig;
import io.seismo.daemon.config.DaemonConfigLoader;
import io.seismo.rules.dsl.RuleLoadException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code seismo daemon --config seismo.yaml}: runs the daemon until SIGTERM or Ctrl-C; SIGHUP reloads rules and sinks. */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "Run the Seismo daemon: ingest, correlate, alert.")
public final class DaemonCommand implements Callable<Integer> {
    /** Exit code for a configuration or rule file the daemon refuses to start with. */
    public static final int EXIT_BAD_CONFIG = 2;
    /** Exit code when the graceful stop ran past the shutdown timeout and the process halted. */
    public static final int EXIT_STOP_TIMEOUT = 1;
    /** Beyond the shutdown timeout, for the steps of a stop that are bounded on their own. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    @Option(names = {"-c", "--config"}, description = "Path of seismo.yaml (default: ${DEFAULT-VALUE}).",
            defaultValue = "/etc/seismo/seismo.yaml")
    Path config;

    @Option(names = "--port", description = "Listen on this port instead of the configured one (0: any free port).")
    Integer port;

    @Override
    public Integer call() throws Exception {
        Daemon daemon;
        try {
            daemon = Daemon.start(this::loadConfig);
        } catch (ConfigException e) {
            System.err.println("seismo: bad configuration in " + config + ": " + e.getMessage());
            return EXIT_BAD_CONFIG;
        } catch (RuleLoadException e) {
            System.err.println("seismo: rules do not compile; not starting.");
            System.err.println(e.getMessage());
            return EXIT_BAD_CONFIG;
        } catch (IllegalArgumentException e) {
            System.err.println("seismo: " + e.getMessage());
            return EXIT_BAD_CONFIG;
        }
        reloadOnHangup(daemon);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM (systemd's stop) and Ctrl-C run shutdown hooks: the graceful stop happens there.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopWithin(daemon, stopped), "seismo-shutdown"));
        stopped.await();
        return 0;
    }

    /**
     * Runs the daemon's graceful stop (drain, final checkpoint) on its own thread and halts the JVM if it takes
     * longer than the configured shutdown timeout: a stuck stop must not hang the service manager. Nothing
     * acknowledged is lost by the halt; the next start replays it from the journal.
     */
    private static void stopWithin(Daemon daemon, CountDownLatch stopped) {
        Thread closing = new Thread(daemon::close, "seismo-graceful-stop");
        closing.setDaemon(true);
        closing.start();
        try {
            closing.join(daemon.shutdownTimeout().plus(STOP_GRACE).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closing.isAlive()) {
            LoggerFactory.getLogger(DaemonCommand.class).error(
                    "graceful stop did not finish within the shutdown timeout of {}; halting now", daemon.shutdownTimeout());
            Runtime.getRuntime().halt(EXIT_STOP_TIMEOUT);
        }
        stopped.countDown();
    }

    /** Read at start and again on every reload, so a reload sees the file as it is now. */
    private DaemonConfig loadConfig() {
        DaemonConfig loaded = new DaemonConfigLoader(System.getenv()).load(config);
        return port == null ? loaded : loaded.withListenPort(port);
    }

    /**
     * Replaces the JVM's default SIGHUP behaviour (exit) with a reload. The handler only starts a thread: a reload
     * compiles rules and may wait, and the signal dispatcher must stay free. The reload logs its own outcome.
     */
    private static void reloadOnHangup(Daemon daemon) {
        Signal.handle(new Signal("HUP"), signal -> {
            Thread reload = new Thread(daemon::reload, "seismo-reload");
            reload.setDaemon(true);
            reload.start();
        });
    }
}
