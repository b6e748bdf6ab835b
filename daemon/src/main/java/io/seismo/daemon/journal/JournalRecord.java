package io.seismo.daemon.journal;

/** One journaled line as read back: its batch's origin, the byte offset it starts at in its file, and its text. */
public record JournalRecord(Origin origin, long offset, boolean truncated, String line) {
}
