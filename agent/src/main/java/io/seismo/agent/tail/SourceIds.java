package io.seismo.agent.tail;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Mints the {@code Seismo-Source} id of a newly seen file: the first 128 bits of the SHA-256 of its head, in
 * hex. The id is minted once and then kept (in memory and in the checkpoint, which is written before the
 * id's first batch leaves), so it does not change while the file grows. Deriving it from the content means a
 * file of 1 KiB or more gets the same id again even if the checkpoint is lost, and the daemon still
 * recognises lines it has. Two live files with the same head get distinct ids through a salt.
 */
public final class SourceIds {
    private static final int ID_BYTES = 16;

    private SourceIds() {
    }

    public static String mint(byte[] head, Predicate<String> taken) {
        for (int salt = 0; ; salt++) {
            byte[] input = salt == 0 ? head : FileHead.withSalt(head, salt);
            byte[] digest = FileHead.sha256(input, input.length);
            String id = FileHead.hex(Arrays.copyOf(digest, ID_BYTES));
            if (!taken.test(id)) {
                return id;
            }
        }
    }
}
