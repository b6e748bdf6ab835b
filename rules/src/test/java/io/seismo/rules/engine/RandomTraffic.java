package io.seismo.rules.engine;

import io.seismo.rules.RuleText;
import io.seismo.rules.event.EventKind;
import io.seismo.rules.event.Level;
import io.seismo.rules.testing.SyntheticEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded stream of everything the engine meets in production, as events interleaved with processing-time
 * ticks: requests through gateway → checkout → payments → payments-db (and gateway → search → catalog) with
 * parent spans (some traces without span ids, learned by call order), incidents where one service breaks
 * and its callers fail with it, events out of order within the allowed lateness, late events, quiet spells
 * in which only ticks arrive (the idle watermark moves on), events without a time, metric samples, events
 * without a service, and one message long enough to be saved in pieces.
 */
final class RandomTraffic {
    static final long SECOND = 1_000_000_000L;
    static final long TICK_NANOS = 250_000_000L;

    private static final List<String> CHECKOUT_PATH = List.of("gateway", "checkout", "payments", "payments-db");
    private static final List<String> SEARCH_PATH = List.of("gateway", "search", "catalog");
    private static final List<String> BREAKABLE = List.of("payments-db", "payments", "catalog", "checkout-alone");

    /** One input: an event, or (event null) a processing-time tick at {@code tickNanos}. */
    record Step(SyntheticEvent event, long tickNanos) {
        boolean isEvent() {
            return event != null;
        }
    }

    private record Incident(String service, long fromNanos, long toNanos) {
    }

    private final Random random;
    private final List<Step> steps = new ArrayList<>();
    private final List<Incident> incidents = new ArrayList<>();
    private long processingNanos = 3_600 * SECOND;
    private long nextTickNanos;
    private int traces;

    private RandomTraffic(long seed) {
        this.random = new Random(seed);
    }

    /** About {@code seconds} of traffic, starting at {@link RuleText#T0}. */
    static List<Step> generate(long seed, int seconds) {
        return new RandomTraffic(seed).run(seconds, true);
    }

    /** The same without the long message, for tests that want small snapshots. */
    static List<Step> generateShortMessages(long seed, int seconds) {
        return new RandomTraffic(seed).run(seconds, false);
    }

    private List<Step> run(int seconds, boolean withLongMessage) {
        long end = RuleText.T0 + seconds * SECOND;
        for (int i = 0; i < 3; i++) {
            long from = RuleText.T0 + (long) (random.nextDouble() * (seconds - 60)) * SECOND;
            incidents.add(new Incident(BREAKABLE.get(random.nextInt(BREAKABLE.size())), from,
                    from + (20 + random.nextInt(50)) * SECOND));
        }
        long longMessageAt = withLongMessage ? RuleText.T0 + random.nextInt(seconds) * SECOND : 0;
        long now = RuleText.T0;
        nextTickNanos = now;
        while (now < end) {
            now += (10 + random.nextInt(60)) * 1_000_000L;
            if (random.nextInt(4000) == 0) {
                now += (5 + random.nextInt(15)) * SECOND; // a quiet spell: only ticks arrive
            }
            tickUpTo(now);
            request(now);
            if (longMessageAt != 0 && now >= longMessageAt) {
                steps.add(new Step(SyntheticEvent.log(now, "payments-db", Level.ERROR, longMessage())
                        .withTrace("trace-long"), 0));
                longMessageAt = 0;
            }
            oddities(now);
        }
        tickUpTo(now + 30 * SECOND); // input stops: the idle watermark closes what is left
        return steps;
    }

    private void tickUpTo(long eventNanos) {
        while (nextTickNanos <= eventNanos) {
            processingNanos += TICK_NANOS;
            nextTickNanos += TICK_NANOS;
            steps.add(new Step(null, processingNanos));
        }
    }

    private void request(long now) {
        List<String> path = random.nextInt(3) == 0 ? SEARCH_PATH : CHECKOUT_PATH;
        String trace = "trace-" + traces++;
        boolean withSpans = random.nextInt(10) != 0;
        boolean failing = false;
        for (int depth = path.size() - 1; depth >= 0; depth--) {
            String service = path.get(depth);
            failing |= broken(service, now);
            boolean fails = failing || broken(service + "-alone", now);
            String message = service + (fails ? " failed request " : " served request ") + trace;
            SyntheticEvent event = SyntheticEvent.log(timeOf(now + depth * 3_000_000L), service,
                    fails ? Level.ERROR : (random.nextInt(20) == 0 ? Level.WARN : Level.INFO), message).withTrace(trace);
            if (withSpans) {
                String parent = depth == 0 ? null : "span-" + path.get(depth - 1) + "-" + trace;
                event = event.withSpan("span-" + service + "-" + trace, parent);
            }
            steps.add(new Step(event, 0));
        }
    }

    /** Mostly on time; some out of order within the allowed lateness; a few late. */
    private long timeOf(long nanos) {
        int draw = random.nextInt(100);
        if (draw < 15) {
            return nanos - random.nextInt(1_500) * 1_000_000L;
        }
        if (draw == 15) {
            return nanos - (3 + random.nextInt(20)) * SECOND;
        }
        return nanos;
    }

    private void oddities(long now) {
        int draw = random.nextInt(400);
        if (draw == 0) {
            steps.add(new Step(SyntheticEvent.log(0, "gateway", Level.INFO, "no time at all"), 0));
        } else if (draw == 1) {
            steps.add(new Step(SyntheticEvent.log(now, "payments", Level.INFO, "queue depth 7").withKind(EventKind.METRIC), 0));
        } else if (draw == 2) {
            steps.add(new Step(SyntheticEvent.log(now, null, Level.ERROR, "who said this?").withTrace("orphan-" + now), 0));
        }
    }

    private boolean broken(String service, long nanos) {
        return incidents.stream().anyMatch(incident -> incident.service().equals(service)
                && nanos >= incident.fromNanos() && nanos < incident.toNanos());
    }

    /** Longer than one UTF piece, with accents and a surrogate pair at every possible piece boundary. */
    private static String longMessage() {
        StringBuilder text = new StringBuilder("payments-db failed: ");
        while (text.length() < 50_000) {
            text.append("é\uD83D\uDE00 stack frame ");
        }
        return text.toString();
    }
}
