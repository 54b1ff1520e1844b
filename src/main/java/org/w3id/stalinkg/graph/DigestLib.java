package org.w3id.stalinkg.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one place SHA-256 is made: content hashes of the loaded files, ETags, dump checksums and query digests all
 * come from here, so they are computed one way.
 */
public final class DigestLib {

    private DigestLib() {}

    /** A fresh SHA-256 digest, to feed in parts (for example each file while it is parsed). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    /** Lower-case hex SHA-256 of {@code bytes}: all 64 digits. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** Lower-case hex SHA-256 of {@code text} in UTF-8: the first {@code hexDigits} of the 64. */
    public static String sha256Hex(String text, int hexDigits) {
        String hex = sha256Hex(text.getBytes(StandardCharsets.UTF_8));
        return hex.substring(0, Math.min(hexDigits, hex.length()));
    }
}
