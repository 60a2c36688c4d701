package dev.vigil.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The text form of an API key: {@code vgl_<id>_<secret>}, where the id is 16 hex digits used to
 * find the stored key and the secret is 256 random bits in base64url. A secret of that entropy
 * needs no slow password hash: SHA-256 cannot be brute-forced back to it.
 */
record ApiKeyText(String id, String secret) {
    static final String PREFIX = "vgl_";
    private static final int ID_LENGTH = 16;
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    static ApiKeyText generate() {
        byte[] id = new byte[ID_LENGTH / 2];
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new ApiKeyText(HexFormat.of().formatHex(id), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Empty when the text does not have the shape of a Vigil key. */
    static Optional<ApiKeyText> parse(String text) {
        int secretStart = PREFIX.length() + ID_LENGTH + 1;
        if (!text.startsWith(PREFIX) || text.length() <= secretStart || text.charAt(secretStart - 1) != '_') {
            return Optional.empty();
        }
        String id = text.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
        if (!id.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeyText(id, text.substring(secretStart)));
    }

    String text() {
        return PREFIX + id + "_" + secret;
    }

    String secretSha256() {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Compares this secret's hash with a stored one in time independent of where they differ. */
    boolean matches(String storedSecretSha256) {
        return MessageDigest.isEqual(sha256(secret), HexFormat.of().parseHex(storedSecretSha256));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeyText[" + id + "]";
    }
}
