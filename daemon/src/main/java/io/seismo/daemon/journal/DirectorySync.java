package io.seismo.daemon.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Forces a folder's entries to the device, so that a file just created or renamed in it is still there after
 * a power loss (fsync of the file alone does not cover its name on Linux file systems).
 */
public final class DirectorySync {
    private DirectorySync() {
    }

    public static void force(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
