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

/** A scrape of the daemon's {@code /metrics}: the few series the benchmark reads. */
record DaemonMetrics(double events, double bytes, double correlated, double late, double tracesEvicted,
                     Map<Double, Double> findingLatencyBuckets) {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final String BUCKET = "seismo_ingest_to_finding_seconds_bucket{le=\"";
    /**
     * Only the series read here: the benchmark scrapes ten times a second, and writing every series (a few per
     * rule) each time was the daemon's eighth-largest allocation in JFR, the benchmark's own load.
     */
    private static final String ONLY_THESE = Stream.of("seismo_ingest_events_total", "seismo_ingest_bytes_total",
                    "seismo_correlator_events_total", "seismo_late_events_total", "seismo_traces_evicted_total",
                    "seismo_ingest_to_finding_seconds")
            .map(name -> "name%5B%5D=" + name).collect(Collectors.joining("&", "/metrics?", ""));

    static DaemonMetrics scrape(int port) throws IOException, InterruptedException {
        String text = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ONLY_THESE))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        double events = 0;
        double bytes = 0;
        double correlated = 0;
        double late = 0;
        double evicted = 0;
        Map<Double, Double> buckets = new TreeMap<>();
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
            } else if (line.startsWith(BUCKET)) {
                String bound = line.substring(BUCKET.length(), line.indexOf('"', BUCKET.length()));
                buckets.put("+Inf".equals(bound) ? Double.POSITIVE_INFINITY : Double.parseDouble(bound), value(line));
            }
        }
        return new DaemonMetrics(events, bytes, correlated, late, evicted, buckets);
    }

    /**
     * A quantile of the daemon's ingest-to-finding histogram between two scrapes, as the upper bound of the
     * bucket it falls in (the histogram's resolution); NaN when nothing was observed.
     */
    static double findingLatencyQuantile(DaemonMetrics before, DaemonMetrics after, double q) {
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
     * The percentage of findings between two scrapes that came at most {@code seconds} after their ingest; {@code
     * seconds} must be one of the histogram's bucket bounds. NaN when nothing was observed.
     */
    static double findingsWithinPercent(DaemonMetrics before, DaemonMetrics after, double seconds) {
        Map<Double, Double> increase = increase(before, after);
        double total = increase.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (!increase.containsKey(seconds)) {
            throw new IllegalArgumentException(seconds + " s is not a bucket bound of the daemon's histogram");
        }
        return total <= 0 ? Double.NaN : 100 * increase.get(seconds) / total;
    }

    /** Per bucket bound in ascending order, how many more findings fell within it at {@code after}. */
    private static Map<Double, Double> increase(DaemonMetrics before, DaemonMetrics after) {
        Map<Double, Double> increase = new LinkedHashMap<>();
        after.findingLatencyBuckets.forEach((bound, count) ->
                increase.put(bound, count - before.findingLatencyBuckets.getOrDefault(bound, 0.0)));
        return increase;
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
