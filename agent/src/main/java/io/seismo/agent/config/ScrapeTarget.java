package io.seismo.agent.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One Prometheus text-format endpoint the agent scrapes.
 *
 * @param url      what is fetched with GET (http or https)
 * @param interval time between the starts of two scrapes
 * @param timeout  a scrape not answered within this counts as failed; at most {@code interval}
 * @param service  the service its samples belong to (sent as {@code Seismo-Service})
 * @param labels   added to every sample; they win over a scraped label of the same name
 */
public record ScrapeTarget(URI url, Duration interval, Duration timeout, String service, Map<String, String> labels) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    public ScrapeTarget {
        ConfigChecks.present("scrape.url", url);
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new AgentConfigException("scrape.url", "'" + url + "' must be an http:// or https:// URL with a host");
        }
        ConfigChecks.positive("scrape.interval", interval);
        ConfigChecks.positive("scrape.timeout", timeout);
        if (timeout.compareTo(interval) > 0) {
            throw new AgentConfigException("scrape.timeout", "must not be longer than scrape.interval (" + interval + ")");
        }
        ConfigChecks.notBlank("scrape.service", service);
        ConfigChecks.present("scrape.labels", labels);
        for (String name : labels.keySet()) {
            if (name == null || !LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
                throw new AgentConfigException("scrape.labels." + name,
                        "is not a valid label name ([a-zA-Z_][a-zA-Z0-9_]*, not starting with __)");
            }
        }
        labels = Map.copyOf(new LinkedHashMap<>(labels));
    }

    /** A target with the default interval and timeout and no extra labels. */
    public static ScrapeTarget of(URI url, String service) {
        return new ScrapeTarget(url, DEFAULT_INTERVAL, DEFAULT_TIMEOUT, service, Map.of());
    }

    /** The {@code Seismo-Source} of its samples: the daemon keys its dedupe on it. */
    public String sourceId() {
        return "scrape:" + url;
    }
}
