package io.seismo.agent.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where batches go and how the agent proves who it is. The token is a secret: {@link #toString()} never
 * shows it, so logging a config cannot leak it.
 *
 * @param url            the daemon's ingest URL, e.g. {@code http://127.0.0.1:7070/v1/ingest}
 * @param token          the bearer token sent with every batch
 * @param requestTimeout how long one POST may take before it counts as a failed attempt
 */
public record DaemonEndpoint(URI url, String token, Duration requestTimeout) {
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration LONGEST_CONNECT = Duration.ofSeconds(5);

    public DaemonEndpoint {
        ConfigChecks.present("daemon.url", url);
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new AgentConfigException("daemon.url", "'" + url + "' is not an http(s) URL with a host");
        }
        ConfigChecks.notBlank("daemon.token", token);
        ConfigChecks.positive("daemon.requestTimeout", requestTimeout);
    }

    public DaemonEndpoint(URI url, String token) {
        this(url, token, DEFAULT_REQUEST_TIMEOUT);
    }

    /** How long opening a connection may take: the request timeout, but at most {@link #LONGEST_CONNECT}. */
    public Duration connectTimeout() {
        return requestTimeout.compareTo(LONGEST_CONNECT) < 0 ? requestTimeout : LONGEST_CONNECT;
    }

    @Override
    public String toString() {
        return "DaemonEndpoint[url=" + url + ", token=(hidden), requestTimeout=" + requestTimeout + "]";
    }
}
