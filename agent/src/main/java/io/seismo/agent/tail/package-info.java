/**
 * Tailing: which files exist, which of them are "the same file" as before, and their new complete lines.
 *
 * <h2>File identity</h2>
 * A file is recognised by its first bytes, not by its name or inode: a {@link io.seismo.agent.tail.FileHead}
 * is the length and SHA-256 of the first up to 1024 bytes. Logs only grow, so a file still holds the same
 * identity while its first {@code length} bytes hash the same. How identity survives growth:
 * <ul>
 *   <li>while an identity's file is open and shorter than 1024 bytes, every poll re-reads its head; if the old
 *       head is still a prefix, the fingerprint is lengthened (up to 1024 bytes, then it stays fixed); if not,
 *       the content was replaced (copytruncate, {@code > file}) and the identity is detached from that file;</li>
 *   <li>the id sent to the daemon ({@code Seismo-Source}) is minted once, from the head as first seen
 *       ({@link io.seismo.agent.tail.SourceIds}), and stored in the checkpoint before its first batch leaves;
 *       it never changes when the fingerprint is lengthened, so the daemon's dedupe by (source, offset) holds
 *       across growth and restarts;</li>
 *   <li>at start, and for files not open yet, a file matches a remembered identity if that identity's
 *       (possibly short) fingerprint is a prefix of the file and the file is at least as long as the
 *       acknowledged offset.</li>
 * </ul>
 * The inode ({@code fileKey}) is used only as a shortcut for files we hold open (holding them pins the inode,
 * so it cannot be reused meanwhile). Limits: files whose first bytes are identical are indistinguishable
 * until they differ; a file that lives at a watched path for less than one poll is never seen; an unfinished
 * last line is never sent until its newline arrives.
 */
package io.seismo.agent.tail;
