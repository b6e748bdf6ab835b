package io.seismo.agent.testing;

/** One line of a batch the fake daemon received, with the file identity and path of its batch. */
public record ReceivedLine(String source, String path, long offset, String text, boolean truncated) {
}
