package dev.vigil.server.api.access;

/** How a request proved who sends it. */
public enum AuthenticationMethod {
    /** {@code Authorization: Bearer vgl_…}. */
    API_KEY("ApiKey"),
    /** The console's session cookie, after a password login. */
    SESSION("Session"),
    /** A username and password, on the login request itself. */
    PASSWORD("Password");

    private final String displayName;

    AuthenticationMethod(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
