package dev.vigil.server.api.identity;

import dev.vigil.server.api.InvalidRequestException;
import dev.vigil.server.identity.UserStore;
import java.util.Locale;

/** The body of {@code POST /api/session}. */
record LoginJson(String username, String password) {

    /** The same login with the user name trimmed and in lower case, as user names are stored. */
    LoginJson validated() {
        if (username == null || username.isBlank() || password == null) {
            throw new InvalidRequestException("The body needs 'username' and 'password', e.g. {\"username\":\"alice\",\"password\":\"…\"}.");
        }
        String name = username.trim().toLowerCase(Locale.ROOT);
        // no account has a longer name, and the throttle must not keep megabytes per attempt
        if (name.length() > UserStore.MAX_NAME_LENGTH) {
            throw new InvalidRequestException("The 'username' is longer than any user name (at most " + UserStore.MAX_NAME_LENGTH + " characters).");
        }
        return new LoginJson(name, password);
    }

    @Override
    public String toString() {
        return "LoginJson[" + username + "]";
    }
}
