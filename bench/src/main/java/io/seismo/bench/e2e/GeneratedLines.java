package io.seismo.bench.e2e;

import java.util.HexFormat;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * What the end-to-end generator's lines say, shared by {@link LogGenerator}, which writes them as JSON, and by the
 * correlator benchmark, which hands the same spans and probes to the engine directly. A trace's front service
 * calls a middle one, which calls a back one (20 services in three tiers, so the dependency graph has real edges);
 * every id is a function of the trace's key, so a child span can name its parent without anyone remembering it.
 */
public final class GeneratedLines {
    /**
     * Twenty probes a second: 600 in a 30 s run, so the p99 is the sixth slowest rather than the second. Once a
     * run, the kernel's writeback holds the journal up for a few hundred milliseconds, and with five probes a
     * second whether two of them fell into that half second decided the run's p99 (bench/PERFORMANCE-LOG.md).
     */
    public static final long PROBE_EVERY_NANOS = 50_000_000L;
    /** The service of probe lines, which carry their id in the field of the same name. */
    public static final String PROBE = "probe";
    public static final int TIERS = 3;
    public static final int SERVICES = 20;
    /** Lines that are errors, in percent. */
    public static final int ERROR_PERCENT = 2;
    /** Distinct users, routes and durations a line may name. */
    public static final int USERS = 10_000;
    public static final int ROUTES = 3;
    public static final int DURATIONS = 300;
    /** Characters in a trace id; a span id has half as many. */
    public static final int TRACE_ID_CHARS = 32;
    public static final int SPAN_ID_CHARS = 16;
    private static final int FRONT_SERVICES = 4;
    private static final int MIDDLE_SERVICES = 8;
    private static final int BACK_SERVICES = SERVICES - FRONT_SERVICES - MIDDLE_SERVICES;
    /** The last {@link #SPAN_ID_CHARS} hex digits of every trace id, as a number. */
    public static final long TRACE_ID_LOW = 0x5851F42D4C957F2DL;
    private static final HexFormat HEX = HexFormat.of();
    private static final String[] NAMES = texts(SERVICES, i -> "svc-" + i);
    private static final String[] USER_NAMES = texts(USERS, i -> "user-" + i);
    private static final String[] ROUTE_PATHS = texts(ROUTES, i -> "/api/v" + i + "/items");
    private static final String[] HANDLED = texts(DURATIONS, ms -> "handled in " + ms + " ms");
    private static final String[] TIMED_OUT = texts(DURATIONS, ms -> "upstream timed out after " + ms + " ms");

    private GeneratedLines() {
    }

    /** The number of the service of a trace's span at a tier: the same for every line of the trace. */
    public static int service(long traceKey, int tier) {
        return switch (tier) {
            case 0 -> (int) (traceKey % FRONT_SERVICES);
            case 1 -> FRONT_SERVICES + (int) (traceKey / FRONT_SERVICES % MIDDLE_SERVICES);
            default -> FRONT_SERVICES + MIDDLE_SERVICES + (int) (traceKey / (FRONT_SERVICES * MIDDLE_SERVICES) % BACK_SERVICES);
        };
    }

    /** The name of service number {@code service}, as the lines carry it. */
    public static String serviceName(int service) {
        return NAMES[service];
    }

    /** The name of user number {@code user}. */
    public static String user(int user) {
        return USER_NAMES[user];
    }

    /** Route number {@code route}. */
    public static String route(int route) {
        return ROUTE_PATHS[route];
    }

    /** The message of a line that took {@code millis}, an error's or an ordinary one's. */
    public static String message(boolean error, int millis) {
        return (error ? TIMED_OUT : HANDLED)[millis];
    }

    /** Writes the trace id of {@code traceKey} into {@code into} from {@code at}: {@link #TRACE_ID_CHARS} hex digits. */
    public static void traceId(long traceKey, char[] into, int at) {
        hex(traceIdHigh(traceKey), into, at);
        hex(TRACE_ID_LOW, into, at + SPAN_ID_CHARS);
    }

    /** The first {@link #SPAN_ID_CHARS} hex digits of the trace id of {@code traceKey}, as a number. */
    public static long traceIdHigh(long traceKey) {
        return traceKey * 0x9E3779B97F4A7C15L;
    }

    /** Writes the id of the span at {@code tier} of trace {@code traceKey}: {@link #SPAN_ID_CHARS} hex digits. */
    public static void spanId(long traceKey, int tier, char[] into, int at) {
        hex(spanIdValue(traceKey, tier), into, at);
    }

    /** The id of the span at {@code tier} of trace {@code traceKey} as a number: its hex digits are the id. */
    public static long spanIdValue(long traceKey, int tier) {
        return (traceKey * TIERS + tier + 1) * 0xBF58476D1CE4E5B9L;
    }

    private static String[] texts(int count, IntFunction<String> text) {
        return IntStream.range(0, count).mapToObj(text).toArray(String[]::new);
    }

    private static void hex(long value, char[] into, int at) {
        for (int i = 0; i < SPAN_ID_CHARS; i++) {
            into[at + i] = HEX.toLowHexDigit((int) (value >>> (SPAN_ID_CHARS - 1 - i) * 4));
        }
    }
}
