package dev.vigil.server.identity;

import java.util.Locale;

/**
 * What a password must be: 12 to 1024 characters, not the user's own name nor containing it, and
 * not one of the common passwords guessers try first ({@link CommonPasswords}). Messages never
 * repeat the password, since refusals are audited.
 */
final class PasswordPolicy {
    static final int MIN_LENGTH = 12;
    /** Argon2 hashes any length, but a megabyte password is an attack on the CPU, not a password. */
    static final int MAX_LENGTH = 1024;
    /** Shorter names are too likely to occur in a good password by chance; they are refused only as the whole password. */
    private static final int SHORTEST_NAME_SEARCHED = 3;

    private final CommonPasswords common;

    PasswordPolicy(CommonPasswords common) {
        this.common = common;
    }

    /** Throws {@link InvalidIdentityArgumentException} naming the rule the password breaks. */
    void check(String userName, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidIdentityArgumentException("the password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidIdentityArgumentException("the password must have at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String name = userName.toLowerCase(Locale.ROOT);
        if (lower.equals(name) || name.length() >= SHORTEST_NAME_SEARCHED && lower.contains(name)) {
            throw new InvalidIdentityArgumentException("the password must not contain the user name '" + userName + "'");
        }
        if (common.isCommon(password)) {
            throw new InvalidIdentityArgumentException("the password is too easy to guess: it is one of the most common passwords, one with"
                    + " digits or symbols added, or a repeated or keyboard pattern; choose a longer phrase of unrelated words");
        }
    }
}
