package io.seismo.agent.tail;

import io.seismo.agent.checkpoint.CheckpointEntry;
import io.seismo.agent.discovery.DiscoveredFile;
import io.seismo.agent.discovery.FileDiscovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the set of file identities being tailed in step with the files on disk. Each poll it
 * <ol>
 *   <li>detaches identities whose open file was truncated or rewritten (copytruncate, {@code > file});</li>
 *   <li>walks the globs: a path whose inode is already open just updates that identity's path (rename
 *       within the globs); any other path is opened and its head compared, in this order, with detached
 *       identities (the copy a copytruncate left), with identities from the checkpoint (restart), and with
 *       open files (a copy not yet followed by its truncate: skipped); failing all, it is a new file, read
 *       from offset 0;</li>
 * </ol>
 * and {@link #retire} closes what is gone and acknowledged, keeping it in the checkpoint as "dormant" until
 * {@code forgetAfter}. Used by the agent's single loop thread only.
 */
public final class FileTracker {
    private static final Logger LOG = LoggerFactory.getLogger(FileTracker.class);

    private final FileDiscovery discovery;
    private final int maxLineBytes;
    private final Map<String, TrackedFile> tracked = new LinkedHashMap<>();
    private final Map<String, CheckpointEntry> dormant = new LinkedHashMap<>();
    private final Set<Path> reportedUnreadable = new HashSet<>();

    public FileTracker(FileDiscovery discovery, int maxLineBytes, Collection<CheckpointEntry> restored) {
        this.discovery = discovery;
        this.maxLineBytes = maxLineBytes;
        for (CheckpointEntry entry : restored) {
            dormant.put(entry.source(), entry);
        }
    }

    /** The identities being tailed, oldest first. */
    public Collection<TrackedFile> files() {
        return tracked.values();
    }

    public int openFiles() {
        int n = 0;
        for (TrackedFile f : tracked.values()) {
            n += f.isOpen() ? 1 : 0;
        }
        return n;
    }

    /** Checks open files for replaced content, then discovers, adopts and re-finds files. */
    public void poll(long nowNanos, long nowEpochMs) {
        Map<Object, TrackedFile> byFileKey = new HashMap<>();
        for (TrackedFile f : tracked.values()) {
            if (f.isOpen() && checkStillSame(f) && f.fileKey() != null) {
                byFileKey.put(f.fileKey(), f);
            }
        }
        for (DiscoveredFile found : discovery.discover()) {
            TrackedFile owner = found.fileKey() == null ? openAt(found.path()) : byFileKey.get(found.fileKey());
            if (owner != null && found.fileKey() != null && !found.fileKey().equals(owner.fileKey())) {
                owner = null;       // detached earlier in this poll: that inode holds other content now
            }
            if (owner != null) {
                owner.seenAt(found.path(), nowNanos, nowEpochMs);
            } else if (found.size() > 0) {
                TrackedFile adopted = adopt(found, nowNanos, nowEpochMs);
                if (adopted != null && adopted.fileKey() != null) {
                    byFileKey.put(adopted.fileKey(), adopted);
                }
            }
        }
    }

    /**
     * Closes and forgets (into the dormant checkpoint entries) every identity that is fully acknowledged and
     * either detached, or open but no longer at any watched path and quiet for {@code quietNanos}.
     *
     * @param pollNanos the time of the last {@link #poll}, to tell which open files it saw
     * @return the source ids retired
     */
    public List<String> retire(long pollNanos, long nowNanos, long quietNanos) {
        List<String> retired = new ArrayList<>();
        Iterator<TrackedFile> it = tracked.values().iterator();
        while (it.hasNext()) {
            TrackedFile f = it.next();
            boolean gone = !f.isOpen() || !f.seenSince(pollNanos) && f.quietFor(nowNanos, quietNanos);
            if (gone && f.isDrained()) {
                LOG.debug("closing {} ({}): {}", f.path(), f.sourceId(), f.isOpen() ? "gone and quiet" : "replaced");
                f.close();
                it.remove();
                dormant.put(f.sourceId(), f.toEntry());
                retired.add(f.sourceId());
            }
        }
        return retired;
    }

    /** Every identity worth remembering, after dropping dormant ones not seen since {@code forgetBeforeEpochMs}. */
    public List<CheckpointEntry> checkpointEntries(long forgetBeforeEpochMs) {
        dormant.values().removeIf(e -> e.lastSeenEpochMs() < forgetBeforeEpochMs);
        List<CheckpointEntry> entries = new ArrayList<>(tracked.size() + dormant.size());
        for (TrackedFile f : tracked.values()) {
            entries.add(f.toEntry());
        }
        entries.addAll(dormant.values());
        return entries;
    }

    public void markAllRegistered() {
        tracked.values().forEach(TrackedFile::markRegistered);
    }

    /** Closes every open file; the loop is stopping. */
    public void closeAll() {
        tracked.values().forEach(TrackedFile::close);
    }

    private boolean checkStillSame(TrackedFile f) {
        try {
            if (f.stillSame()) {
                return true;
            }
            LOG.info("{} was truncated or rewritten; following its new content from offset 0", f.path());
        } catch (IOException e) {
            LOG.warn("{} cannot be checked ({}); reopening it", f.path(), e.toString());
        }
        f.detach();
        return false;
    }

    private TrackedFile openAt(Path path) {
        for (TrackedFile f : tracked.values()) {
            if (f.isOpen() && path.equals(f.path())) {
                return f;
            }
        }
        return null;
    }

    private TrackedFile adopt(DiscoveredFile found, long nowNanos, long nowEpochMs) {
        OpenFile file;
        try {
            file = OpenFile.open(found.path());
        } catch (IOException e) {
            if (reportedUnreadable.add(found.path())) {
                LOG.warn("cannot open {}: {}; will keep trying", found.path(), e.toString());
            }
            return null;
        }
        reportedUnreadable.remove(found.path());
        try {
            byte[] head = file.head();
            long size = file.size();
            TrackedFile f = head.length == 0 ? null : identify(found, head, size);
            if (f == null) {
                file.close();
                return null;
            }
            f.attach(file, found.path(), head, nowNanos, nowEpochMs);
            tracked.putIfAbsent(f.sourceId(), f);
            return f;
        } catch (IOException e) {
            file.close();
            LOG.warn("cannot read {}: {}; will keep trying", found.path(), e.toString());
            return null;
        }
    }

    /** Which identity the file with these first bytes carries, or {@code null} to leave it alone for now. */
    private TrackedFile identify(DiscoveredFile found, byte[] head, long size) throws IOException {
        TrackedFile resumable = resumableIn(head, size);
        if (resumable != null) {
            LOG.info("found the rest of {} ({}) at {}", resumable.path(), resumable.sourceId(), found.path());
            return resumable;
        }
        for (TrackedFile f : tracked.values()) {
            if (f.looksCopiedFrom(head, size)) {
                return null;
            }
        }
        CheckpointEntry remembered = bestDormantMatch(head, size);
        if (remembered != null) {
            dormant.remove(remembered.source());
            LOG.info("resuming {} at offset {} ({})", found.path(), remembered.ackedOffset(), remembered.source());
            return new TrackedFile(remembered.source(), found.service(), maxLineBytes, remembered.ackedOffset(), true);
        }
        String id = SourceIds.mint(head, candidate -> tracked.containsKey(candidate) || dormant.containsKey(candidate));
        LOG.info("tailing new file {} as {} (service {})", found.path(), id, found.service());
        return new TrackedFile(id, found.service(), maxLineBytes, 0, false);
    }

    /**
     * A detached identity this file can carry on. An open identity with the same first bytes is checked
     * again first: a copytruncate may have truncated it after this poll's check, and then this file is its copy.
     */
    private TrackedFile resumableIn(byte[] head, long size) {
        for (TrackedFile f : tracked.values()) {
            if (f.isOpen() && f.sharesHeadWith(head)) {
                checkStillSame(f);
            }
            if (f.canResumeIn(head, size)) {
                return f;
            }
        }
        return null;
    }

    private CheckpointEntry bestDormantMatch(byte[] head, long size) {
        CheckpointEntry best = null;
        for (CheckpointEntry e : dormant.values()) {
            boolean matches = size >= e.ackedOffset() && new FileHead(e.headLength(), e.headSha256()).isPrefixOf(head);
            if (matches && (best == null || e.headLength() > best.headLength()
                    || e.headLength() == best.headLength() && e.lastSeenEpochMs() > best.lastSeenEpochMs())) {
                best = e;
            }
        }
        return best;
    }
}
