package dev.vigil.server.api.identity;

/**
 * The body of {@code PUT /api/users/{user}/password}. A user changing their own password without
 * Owner on {@code /} must also give the current one.
 */
record PasswordJson(String password, String currentPassword) {
    @Override
    public String toString() {
        return "PasswordJson[]";
    }
}
