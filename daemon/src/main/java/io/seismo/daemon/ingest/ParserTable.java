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
    }

    public List<ParserChoice> choices() {
        return List.copyOf(choices);
    }

    public int indexFor(String service, String path) {
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

    /** One fresh parser per choice, for one parse thread. */
    public LineParser[] newParsers(Function<ParserChoice, LineParser> factory) {
        LineParser[] parsers = new LineParser[choices.size()];
        for (int i = 0; i < parsers.length; i++) {
            parsers[i] = factory.apply(choices.get(i));
        }
        return parsers;
    }
}
