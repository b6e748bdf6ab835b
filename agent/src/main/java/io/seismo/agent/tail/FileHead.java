package io.seismo.agent.tail;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The fingerprint of a file's first bytes: how many ({@code length}, at most {@link #MAX_LENGTH}) and their
 * SHA-256. Log files only grow, so a file still is "the same file" as long as its first {@code length} bytes
 * still hash the same; the fingerprint of a growing file is lengthened until it covers {@link #MAX_LENGTH}
 * bytes and then stays fixed. This is what survives a restart in the checkpoint, and what recognises a file
 * after rotation, whatever its name or inode.
 */
public record FileHead(int length, String sha256) {
    public static final int MAX_LENGTH = 1024;

    public static FileHead of(byte[] head) {
        return new FileHead(head.length, hex(sha256(head, head.length)));
    }

    /** Whether {@code bytes} (the first bytes of some file) begin with the bytes this fingerprint covers. */
    public boolean isPrefixOf(byte[] bytes) {
        return bytes.length >= length && hex(sha256(bytes, length)).equals(sha256);
    }

    static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] withSalt(byte[] head, int salt) {
        byte[] salted = Arrays.copyOf(head, head.length + 4);
        for (int i = 0; i < 4; i++) {
            salted[head.length + i] = (byte) (salt >>> (8 * i));
        }
        return salted;
    }
}
