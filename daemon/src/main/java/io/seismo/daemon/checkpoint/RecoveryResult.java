package io.seismo.daemon.checkpoint;

import java.nio.file.Path;
import java.util.Optional;

/** What a start-up recovery did: the checkpoint it started from (none: empty state), records replayed, seconds taken. */
public record RecoveryResult(Optional<Path> checkpoint, long eventsReplayed, double seconds, boolean drained) {
}
