package dev.vigil.server.identity;

import java.time.Instant;

/**
 * A local account as stored. Its name is its id and the id of its {@link Principal}.
 *
 * @param passwordHash Argon2id hash in PHC form; null while no password is set (the user can then use only API keys)
 */
public record User(String name, String passwordHash, Instant createdAt, Instant passwordChangedAt) {

    public Principal principal() {
        return new Principal(name);
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    @Override
    public String toString() {
        return "User[" + name + "]";
    }
}
