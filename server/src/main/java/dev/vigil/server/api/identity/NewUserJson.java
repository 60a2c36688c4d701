package dev.vigil.server.api.identity;

import java.util.Optional;

/** The body of {@code POST /api/users}; without a password the user can use only API keys. */
record NewUserJson(String name, String password) {
    Optional<String> optionalPassword() {
        return Optional.ofNullable(password);
    }

    @Override
    public String toString() {
        return "NewUserJson[" + name + "]";
    }
}
