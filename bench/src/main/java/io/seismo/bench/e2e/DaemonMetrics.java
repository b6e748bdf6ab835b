package io.seismo.bench.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A scrape of the daemon's {@code /metrics}: the few series the benchmark reads, with the cumulative bucket counts
 * of two histograms (ingest to finding, and ingest to the correlator taking a line) by upper bound.
 */
record DaemonMetrics(double events, double bytes, double correlated, double late, double tracesEvicted,
                     double journalBytes, double outboxSyncs, Map<Double, Double> findingLatencyBuckets,
                     Map<Double, Double> ingestWaitBuckets) {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final String FINDING_BUCKET = "seismo_ingest_to_finding_seconds_bucket{le=\"";
    private static final String WAIT_BUCKET = "seismo_ingest_to_correlator_seconds_bucket{le=\"";
    /**
     * Only the series read here: the benchmark scrapes ten times a second, and writing every series (a few per
     * rule) each time was the daemon's eighth-largest allocation in JFR, the benchmark's own load.
     */
    private static final String ONLY_THESE = Stream.of("seismo_ingest_events_total", "seismo_ingest_bytes_total",
                    "seismo_correlator_events_total", "seismo_late_events_total", "seismo_traces_evicted_total",
                    "seismo_journal_bytes_total", "seismo_outbox_syncs_total", "seismo_ingest_to_finding_seconds",
                    "seismo_ingest_to_correlator_seconds")
            .map(name -> "name%5B%5D=" + name).collect(Collectors.joining("&", "/metrics?", ""));

    static DaemonMetrics scrape(int port) throws IOException, InterruptedException {
        return parse(CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ONLY_THESE))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** The series read here, out of the Prometheus text format. */
    static DaemonMetrics parse(String text) {
        double events = 0;
        double bytes = 0;
        double correlated = 0;
        double late = 0;
        double evicted = 0;
        double journalBytes = 0;
        double outboxSyncs = 0;
        Map<Double, Double> findingBuckets = new TreeMap<>();
        Map<Double, Double> waitBuckets = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("seismo_ingest_events_total ")) {
                events = value(line);
            } else if (line.startsWith("seismo_ingest_bytes_total ")) {
                bytes = value(line);
            } else if (line.startsWith("seismo_correlator_events_total ")) {
                correlated = value(line);
            } else if (line.startsWith("seismo_late_events_total ")) {
                late = value(line);
            } else if (line.startsWith("seismo_traces_evicted_total ")) {
                evicted = value(line);
            } else if (line.startsWith("seismo_journal_bytes_total ")) {
                journalBytes = value(line);
            } else if (line.startsWith("seismo_outbox_syncs_total ")) {
                outboxSyncs = value(line);
            } else if (line.startsWith(FINDING_BUCKET)) {
                putBucket(findingBuckets, line, FINDING_BUCKET);
            } else if (line.startsWith(WAIT_BUCKET)) {
                putBucket(waitBuckets, line, WAIT_BUCKET);
            }
        }
        return new DaemonMetrics(events, bytes, correlated, late, evicted, journalBytes, outboxSyncs, findingBuckets,
                waitBuckets);
    }

    private static void putBucket(Map<Double, Double> buckets, String line, String prefix) {
        String bound = line.substring(prefix.length(), line.indexOf('"', prefix.length()));
        buckets.put("+Inf".equals(bound) ? Double.POSITIVE_INFINITY : Double.parseDouble(bound), value(line));
    }

    /**
     * A quantile of one of the daemon's histograms between two scrapes ({@code before} and {@code after}, its bucket
     * counts), as the upper bound of the bucket it falls in (the histogram's resolution); NaN when nothing was
     * observed.
     */
    static double quantile(Map<Double, Double> before, Map<Double, Double> after, double q) {
        Map<Double, Double> increase = increase(before, after);
        double total = increase.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        for (Map.Entry<Double, Double> bucket : increase.entrySet()) {
            if (bucket.getValue() >= q * total) {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The percentage of what one of the daemon's histograms observed between two scrapes that took at most
     * {@code seconds}, which must be one of its bucket bounds. NaN when nothing was observed.
     */
    static double withinPercent(Map<Double, Double> before, Map<Double, Double> after, double seconds) {
        Map<Double, Double> increase = increase(before, after);
        double total = increase.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (!increase.containsKey(seconds)) {
            throw new IllegalArgumentException(seconds + " s is not a bucket bound of the daemon's histogram");
        }
        return total <= 0 ? Double.NaN : 100 * increase.get(seconds) / total;
    }

    /** Per bucket bound in ascending order, how many more observations fell within it at {@code after}. */
    private static Map<Double, Double> increase(Map<Double, Double> before, Map<Double, Double> after) {
        Map<Double, Double> increase = new LinkedHashMap<>();
        after.forEach((bound, count) -> increase.put(bound, count - before.getOrDefault(bound, 0.0)));
        return increase;
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
