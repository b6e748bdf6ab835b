package io.seismo.agent.checkpoint;

/**
 * What the agent remembers about one file identity across restarts.
 *
 * @param source          the id sent as {@code Seismo-Source}
 * @param path            where the file was last seen (informational: identity is the head, not the path)
 * @param headLength      how many leading bytes {@code headSha256} covers
 * @param headSha256      SHA-256 of those bytes, in hex
 * @param ackedOffset     every byte before this offset is acknowledged by the daemon; reading resumes here
 * @param lastSeenEpochMs when the file was last seen at a watched path; old entries are forgotten
 */
public record CheckpointEntry(String source, String path, int headLength, String headSha256, long ackedOffset,
                              long lastSeenEpochMs) {
}
