package dev.vigil.server.api.identity;

import dev.vigil.server.api.InvalidRequestException;
import java.util.Locale;

/** The body of {@code POST /api/session}. */
record LoginJson(String username, String password) {

    /** The same login with the user name trimmed and in lower case, as user names are stored. */
    LoginJson validated() {
        if (username == null || username.isBlank() || password == null) {
            throw new InvalidRequestException("The body needs 'username' and 'password', e.g. {\"username\":\"alice\",\"password\":\"…\"}.");
        }
        return new LoginJson(username.trim().toLowerCase(Locale.ROOT), password);
    }

    @Override
    public String toString() {
        return "LoginJson[" + username + "]";
    }
}
