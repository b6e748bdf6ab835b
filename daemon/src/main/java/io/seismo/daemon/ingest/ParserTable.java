package io.seismo.daemon.ingest;

import io.seismo.daemon.config.DaemonConfig;
import io.seismo.daemon.config.ParserChoice;
import io.seismo.daemon.parse.LineParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Numbers the distinct parser settings of the config, so a batch carries a small index and each parse
 * thread keeps one parser instance per index. The (service, path) → index answer is cached: globs are
 * matched once per file, not per batch.
 */
public final class ParserTable {
    /** Batches whose {@code Seismo-Kind} header says this carry metric samples, whatever the config says. */
    public static final String METRIC_KIND = "metric";
    /**
     * The agent sends scrape targets' samples with the path {@code scrape:<url>}; no file path starts so. Seeing it
     * in the path too means a batch replayed from the journal, which keeps service and path but no headers, is
     * parsed as metric samples again.
     */
    public static final String SCRAPE_PATH_PREFIX = "scrape:";
    private static final ParserChoice METRIC_SAMPLES = new ParserChoice(METRIC_KIND, null, null, null);

    private final DaemonConfig config;
    private final List<ParserChoice> choices = new ArrayList<>();
    private final Map<String, Integer> cache = new ConcurrentHashMap<>();

    public ParserTable(DaemonConfig config) {
        this.config = config;
        choices.add(config.defaultParser());
        config.sources().forEach(rule -> {
            if (!choices.contains(rule.parser())) {
                choices.add(rule.parser());
            }
        });
        if (!choices.contains(METRIC_SAMPLES)) {
            choices.add(METRIC_SAMPLES);
        }
    }

    public List<ParserChoice> choices() {
        return List.copyOf(choices);
    }

    public int indexFor(String service, String path) {
        if (path != null && path.startsWith(SCRAPE_PATH_PREFIX)) {
            return choices.indexOf(METRIC_SAMPLES);
        }
        String key = service + '\u0000' + path;
        Integer index = cache.get(key);
        if (index == null) {
            index = choices.indexOf(config.parserFor(service, path));
            if (cache.size() < 100_000) {
                cache.put(key, index);
            }
        }
        return index;
    }

    /** As {@link #indexFor(String, String)}, but a batch of kind {@value #METRIC_KIND} always gets the metric-sample parser. */
    public int indexFor(String service, String path, String kind) {
        return METRIC_KIND.equals(kind) ? choices.indexOf(METRIC_SAMPLES) : indexFor(service, path);
    }

    /** One fresh parser per choice, for one parse thread. */
    public LineParser[] newParsers(Function<ParserChoice, LineParser> factory) {
        LineParser[] parsers = new LineParser[choices.size()];
        for (int i = 0; i < parsers.length; i++) {
            parsers[i] = factory.apply(choices.get(i));
        }
        return parsers;
    }
}
