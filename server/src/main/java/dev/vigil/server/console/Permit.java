package dev.vigil.server.console;

/**
 * Whether the signed-in user may do something, and if not, why, in words the page shows beside
 * the disabled control (the console never answers a raw 403 page).
 */
public record Permit(boolean allowed, String reason) {
    public static final Permit ALLOWED = new Permit(true, "");

    public static Permit refused(String reason) {
        return new Permit(false, reason);
    }

    /** Allowed only if both are; the first refusal's reason. */
    public Permit and(Permit other) {
        return allowed ? other : this;
    }
}
