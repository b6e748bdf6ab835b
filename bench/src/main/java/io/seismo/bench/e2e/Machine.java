package io.seismo.bench.e2e;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the figures were measured on: cores, CPU model, memory and JDK, from /proc and the JVM, and how long the
 * kernel lets written data sit in memory before writing it back. The generator never syncs its files, so that
 * age decides how large each writeback burst is, and the daemon's journal fsync waits behind such a burst on a
 * shared disk (bench/PERFORMANCE-LOG.md): the latency tail depends on it.
 */
final class Machine {
    private Machine() {
    }

    static JsonObject describe() {
        return new JsonObject()
                .put("cores", cores())
                .put("cpu", procField("/proc/cpuinfo", "model name"))
                .put("memory", procField("/proc/meminfo", "MemTotal"))
                .put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"))
                .put("dirtyExpireCentisecs", procValue("/proc/sys/vm/dirty_expire_centisecs"));
    }

    /**
     * The machine's cores, from /proc/cpuinfo: not {@link Runtime#availableProcessors()}, which shrinks to one
     * once {@link CorePinning} has pinned this JVM.
     */
    static int cores() {
        try {
            return (int) Math.max(1, Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("processor")).count());
        } catch (IOException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** A one-line /proc value, such as a sysctl's. */
    private static String procValue(String file) {
        return firstLine(file, line -> true).map(String::trim).orElse("unknown");
    }

    /** The value of a {@code name: value} line of a /proc file. */
    private static String procField(String file, String field) {
        return firstLine(file, line -> line.startsWith(field))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown");
    }

    /**
     * The first line of {@code file} that {@code wanted} accepts; empty when there is none or the file cannot be
     * read. Read as lines, not with {@link Files#readString}: that sizes its read by the file's length, which /proc
     * reports as 0, and returns the first byte only ("3" for 3000).
     */
    private static Optional<String> firstLine(String file, Predicate<String> wanted) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(wanted).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
