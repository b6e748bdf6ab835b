package io.seismo.agent.tail;

import io.seismo.agent.checkpoint.CheckpointEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One file identity being tailed: its head fingerprint, the file currently open for it (none while
 * detached, e.g. after a copytruncate until the copy is found), and four offsets that only move forward:
 * <pre>
 *   acked ≤ handed ≤ verified ≤ scanned
 *   acked    the daemon has it (the only one the checkpoint stores)
 *   handed   given to the batch (in flight or waiting)
 *   verified read, complete, and the file was checked to still be the same file after reading it
 *   scanned  what the line assembler consumed, including an unfinished last line
 * </pre>
 * Lines are checked again after they are read, so a truncation that races the read never lets bytes of
 * the new content pass as lines of the old. Used by the agent's single loop thread only.
 */
public final class TrackedFile {
    private static final Logger LOG = LoggerFactory.getLogger(TrackedFile.class);

    private final String sourceId;
    private final String service;
    private final int maxLineBytes;
    private final LineBlock lines = new LineBlock();
    private Path path;
    private byte[] headBytes;
    private FileHead head;
    private OpenFile open;
    private LineAssembler assembler;
    private long verifiedOffset;
    private long handedOffset;
    private long ackedOffset;
    private boolean registered;
    private long lastSeenAtPathNanos;
    private long lastSeenEpochMs;
    private long lastGrowthNanos;

    TrackedFile(String sourceId, String service, int maxLineBytes, long startOffset, boolean registered) {
        this.sourceId = sourceId;
        this.service = service;
        this.maxLineBytes = maxLineBytes;
        this.verifiedOffset = startOffset;
        this.handedOffset = startOffset;
        this.ackedOffset = startOffset;
        this.registered = registered;
        this.assembler = new LineAssembler(maxLineBytes, startOffset);
    }

    public String sourceId() {
        return sourceId;
    }

    public String service() {
        return service;
    }

    /** The path the file was last seen at; a renamed-away file keeps its last known path. */
    public Path path() {
        return path;
    }

    public boolean isOpen() {
        return open != null;
    }

    public long ackedOffset() {
        return ackedOffset;
    }

    /** Whether the checkpoint on disk knows this identity, so its id may go out in a batch. */
    public boolean isRegistered() {
        return registered;
    }

    public void markRegistered() {
        registered = true;
    }

    /** Everything read is acknowledged (a dropped line counts as acknowledged). */
    public boolean isDrained() {
        return !lines.hasWaiting() && ackedOffset >= handedOffset;
    }

    /** Bytes in the file not yet acknowledged by the daemon; 0 when the file is closed or cannot be sized. */
    public long unacknowledgedBytes() {
        if (open == null) {
            return 0;
        }
        try {
            return Math.max(0, open.size() - ackedOffset);
        } catch (IOException e) {
            return 0;
        }
    }

    public void acknowledge(long offset) {
        ackedOffset = Math.max(ackedOffset, offset);
    }

    void attach(OpenFile file, Path at, byte[] currentHead, long nowNanos, long nowEpochMs) {
        this.open = file;
        this.headBytes = currentHead;
        this.head = FileHead.of(currentHead);
        this.lastGrowthNanos = nowNanos;
        seenAt(at, nowNanos, nowEpochMs);
    }

    void seenAt(Path at, long nowNanos, long nowEpochMs) {
        this.path = at;
        this.lastSeenAtPathNanos = nowNanos;
        this.lastSeenEpochMs = nowEpochMs;
    }

    boolean seenSince(long nanos) {
        return lastSeenAtPathNanos >= nanos;
    }

    boolean quietFor(long nowNanos, long quietNanos) {
        return nowNanos - lastGrowthNanos >= quietNanos;
    }

    Object fileKey() {
        return open == null ? null : open.fileKey();
    }

    /**
     * Whether the file still holds this identity's content: not shorter than what was scanned, and its first
     * bytes unchanged. Lengthens the fingerprint while the file grows towards {@link FileHead#MAX_LENGTH}.
     */
    boolean stillSame() throws IOException {
        if (open.size() < assembler.nextOffset()) {
            return false;
        }
        if (headBytes.length == FileHead.MAX_LENGTH) {
            return open.startsWith(headBytes);     // the fingerprint is complete: only the comparison is left
        }
        byte[] now = open.head();
        if (now.length < headBytes.length
                || !Arrays.equals(now, 0, headBytes.length, headBytes, 0, headBytes.length)) {
            return false;
        }
        if (now.length > headBytes.length) {
            headBytes = now;
            head = FileHead.of(now);
        }
        return true;
    }

    /**
     * Closes the file and forgets the lines not yet verified and the unfinished line; the identity waits to be
     * found again (or retires).
     */
    void detach() {
        if (open != null) {
            open.close();
            open = null;
        }
        lines.discardUnverified();
        assembler = new LineAssembler(maxLineBytes, verifiedOffset);
    }

    /** Whether a file whose first bytes are {@code otherHead} can carry on this (detached) identity. */
    boolean canResumeIn(byte[] otherHead, long otherSize) {
        return open == null && otherSize >= verifiedOffset && startsWith(otherHead, headBytes);
    }

    /** Whether {@code otherHead} and this file's head agree as far as both go. */
    boolean sharesHeadWith(byte[] otherHead) {
        int common = Math.min(otherHead.length, headBytes.length);
        return Arrays.equals(otherHead, 0, common, headBytes, 0, common);
    }

    /**
     * Whether another file looks like a copy of this open one (copytruncate copies first, then truncates):
     * same first bytes as far as both go, and not longer than this file.
     */
    boolean looksCopiedFrom(byte[] otherHead, long otherSize) throws IOException {
        return open != null && otherSize <= open.size() && sharesHeadWith(otherHead);
    }

    /**
     * Reads complete lines while fewer than {@code readAheadBytes} wait to be handed on (and at most that many
     * bytes per call), checks the file is still the same one, and only then keeps them.
     *
     * @return what was kept; lines of a file found replaced are discarded and the identity detached, and so
     *         is a file that fails to read (the next poll finds it again)
     */
    public ReadTally read(ByteBuffer scratch, long readAheadBytes, long nowNanos) {
        if (open == null || lines.waitingFileBytes() >= readAheadBytes) {
            return ReadTally.NONE;
        }
        try {
            return readVerified(scratch, readAheadBytes, nowNanos);
        } catch (IOException e) {
            LOG.warn("reading {} failed ({}); reopening it", path, e.toString());
            detach();
            return ReadTally.NONE;
        }
    }

    private ReadTally readVerified(ByteBuffer scratch, long readAheadBytes, long nowNanos) throws IOException {
        lines.dropHanded();
        long scanned = 0;
        while (lines.waitingFileBytes() < readAheadBytes && scanned < readAheadBytes) {
            scratch.clear();
            int n = open.read(scratch, assembler.nextOffset());
            if (n == 0) {
                break;
            }
            scratch.flip();
            scanned += n;
            assembler.feed(scratch, lines);
        }
        if (scanned == 0) {
            return ReadTally.NONE;
        }
        if (!stillSame()) {
            detach();
            return ReadTally.NONE;
        }
        lastGrowthNanos = nowNanos;
        ReadTally tally = lines.verify();
        if (tally.lines() > 0) {
            verifiedOffset = lines.verifiedEndOffset();
        }
        return tally;
    }

    /** Hands waiting lines to {@code sink} in order until it refuses one. */
    public void handTo(LineSink sink) {
        long handedEnd = lines.handTo(sink);
        if (handedEnd >= 0) {
            handedOffset = handedEnd;
        }
    }

    CheckpointEntry toEntry() {
        return new CheckpointEntry(sourceId, path == null ? "" : path.toString(), head.length(), head.sha256(),
                ackedOffset, lastSeenEpochMs);
    }

    void close() {
        if (open != null) {
            open.close();
            open = null;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
