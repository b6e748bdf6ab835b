package io.seismo.agent.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name this machine goes by, the default for {@code agentId} and {@code host}. */
final class HostName {
    private HostName() {
    }

    static String local() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (name != null && !name.isBlank()) {
                return name;
            }
        } catch (UnknownHostException e) {
            // A host without a resolvable name still has a name in its environment, or is "localhost".
        }
        String fromEnv = System.getenv("HOSTNAME");
        return fromEnv == null || fromEnv.isBlank() ? "localhost" : fromEnv;
    }
}
