package dev.vigil.server.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The passwords people pick most, shipped with Vigil ({@value #RESOURCE}), and the simple shapes
 * guessers try first. Compared case-insensitively; a common password with digits, symbols or
 * spaces added before or after it ({@code Password2024!}) is as common as the password itself.
 */
final class CommonPasswords {
    static final String RESOURCE = "common-passwords.txt";
    /** Digit and letter runs, keyboard rows and columns: a password that is a stretch of one (or of it backwards) is a walk. */
    private static final String[] WALKS = {"01234567890123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "zaq12wsxcde34rfvbgt56yhnmju78iklo90p", "qazwsxedcrfvtgbyhnujmikolp"};
    private static final int SHORTEST_CORE = 3;

    private final Set<String> passwords;

    private CommonPasswords(Set<String> passwords) {
        this.passwords = passwords;
    }

    /** The list shipped in the jar. */
    static CommonPasswords shipped() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the list of common passwords (" + RESOURCE + ") is missing from the jar");
            }
            Set<String> passwords = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
            return new CommonPasswords(Set.copyOf(passwords));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the list of common passwords", e);
        }
    }

    int size() {
        return passwords.size();
    }

    boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        String core = withoutAffixes(lower);
        return passwords.contains(lower)
                || core.length() >= SHORTEST_CORE && passwords.contains(core)
                || isRepeated(lower)
                || isWalk(lower);
    }

    /** The password without the digits, symbols and spaces before its first letter and after its last. */
    private static String withoutAffixes(String password) {
        int start = 0;
        int end = password.length();
        while (start < end && !Character.isLetter(password.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(password.charAt(end - 1))) {
            end--;
        }
        return password.substring(start, end);
    }

    /** {@code aaaaaaaaaaaa}, {@code abcabcabcabc}, {@code 121212121212}: one short piece, repeated. */
    private static boolean isRepeated(String password) {
        int length = password.length();
        for (int unit = 1; unit <= 4 && unit < length; unit++) {
            if (length % unit == 0 && password.equals(password.substring(0, unit).repeat(length / unit))) {
                return true;
            }
        }
        return false;
    }

    /** {@code 123456789012}, {@code qwertyuiopas}, {@code zyxwvutsrqpo}: a stretch of a keyboard row or a run of digits or letters. */
    private static boolean isWalk(String password) {
        for (String walk : WALKS) {
            if (walk.contains(password) || new StringBuilder(walk).reverse().toString().contains(password)) {
                return true;
            }
        }
        return false;
    }
}
