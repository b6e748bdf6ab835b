package io.seismo.agent.discovery;

import java.nio.file.Path;

/**
 * A regular file a glob matched in this poll, with the service of the first input that matched it and its
 * {@code fileKey} (device and inode on Unix; {@code null} where the platform has none).
 */
public record DiscoveredFile(Path path, String service, Object fileKey, long size) {
}
