package io.seismo.daemon.reload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reloads when the rule files change, so that saving a rule is enough. It polls a digest of the folder's
 * {@code *.groovy} files (names and contents) rather than trusting file-system events, which editors'
 * write-and-rename and Kubernetes' symlink swaps make unreliable. A change is acted on once the digest has
 * stayed the same for one more poll, so a file caught half-written is not compiled. A refused reload keeps
 * the running rules, like any other reload, and is not retried until the files change again.
 */
public final class RulesWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);

    private final Supplier<Path> rulesDir;
    private final ReloadControl reloads;
    private final ScheduledExecutorService poller;
    /** Touched by the poller thread only. */
    private String acted;
    private String seen;

    /**
     * @param rulesDir the folder to watch, asked on each poll because a reload may point it elsewhere
     */
    public RulesWatcher(Supplier<Path> rulesDir, ReloadControl reloads) {
        this.rulesDir = rulesDir;
        this.reloads = reloads;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "seismo-rules-watcher");
            thread.setDaemon(true);
            return thread;
        });
        this.acted = digest(rulesDir.get());
        this.seen = acted;
    }

    public RulesWatcher start(Duration interval) {
        poller.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One poll; public for tests that drive it without waiting. Returns the reload it made, if any. */
    public ReloadResult poll() {
        String now = digest(rulesDir.get());
        boolean settled = now.equals(seen);
        seen = now;
        if (!settled || now.equals(acted)) {
            return null;
        }
        acted = now;
        LOG.info("Rule files in {} changed; reloading", rulesDir.get());
        try {
            return reloads.reload();
        } catch (RuntimeException e) {
            LOG.error("Reload after a rule file change failed", e);
            return null;
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }

    /** Names and contents of the folder's rule files; a folder that cannot be read has its own digest. */
    private static String digest(Path dir) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        try (Stream<Path> listing = Files.list(dir)) {
            List<Path> files = listing.filter(file -> file.getFileName().toString().endsWith(".groovy")).sorted().toList();
            for (Path file : files) {
                sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(file));
                sha.update((byte) 0);
            }
        } catch (IOException e) {
            return "unreadable: " + e.getClass().getSimpleName();
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
