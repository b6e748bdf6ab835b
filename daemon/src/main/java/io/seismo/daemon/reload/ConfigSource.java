package io.seismo.daemon.reload;

import io.seismo.daemon.config.ConfigException;
import io.seismo.daemon.config.DaemonConfig;

/** Where the daemon's config comes from, read again on every reload (the file it was started from, as a rule). */
@FunctionalInterface
public interface ConfigSource {

    /** @throws ConfigException when the config is not valid; the message names the key */
    DaemonConfig load();
}
