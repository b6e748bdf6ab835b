package io.seismo.daemon.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * Chooses a parser for a batch by the service and path the agent attached to it. A null glob matches
 * anything; the first matching rule in config order wins.
 */
public record SourceRule(String serviceGlob, String pathGlob, ParserChoice parser) {

    public boolean matches(String service, String path) {
        return globMatches(serviceGlob, service) && globMatches(pathGlob, path);
    }

    private static boolean globMatches(String glob, String value) {
        if (glob == null) {
            return true;
        }
        if (value == null) {
            return false;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return matcher.matches(Path.of(value));
    }
}
