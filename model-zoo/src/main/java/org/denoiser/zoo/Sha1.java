package org.denoiser.zoo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-1 of model files, computed while they are copied so each byte is read once. */
final class Sha1 {
    private Sha1() {}

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /** Copies {@code in} to {@code out} and returns the hex SHA-1 of what was copied. */
    static String copy(InputStream in, OutputStream out) throws IOException {
        MessageDigest digest = newDigest();
        try (DigestInputStream din = new DigestInputStream(in, digest)) {
            din.transferTo(out);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }
}
