package io.seismo.daemon.checkpoint;

import java.nio.file.Path;

/** A checkpoint as it is on disk: its file, its sequence number, its size, and what it holds. */
public record StoredCheckpoint(Path file, long sequence, long fileBytes, Checkpoint checkpoint) {
}
