package io.seismo.daemon.journal;

/** One journaled line as read back: the file identity and byte offset it came from, its service, its text. */
public record JournalRecord(String source, long offset, String service, String line) {
}
