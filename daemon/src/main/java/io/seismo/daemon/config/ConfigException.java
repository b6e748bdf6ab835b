package io.seismo.daemon.config;

/** A configuration problem, phrased as {@code key: problem} so the user knows which line to fix. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
    }
}
