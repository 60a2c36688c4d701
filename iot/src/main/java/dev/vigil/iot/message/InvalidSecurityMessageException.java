package dev.vigil.iot.message;

/**
 * A security message that breaks schema 1.0. The message reads {@code <path>: <rule>}, e.g.
 * {@code $.Events[0].Payload[0].ProcessId: required}.
 */
public final class InvalidSecurityMessageException extends RuntimeException {
    private final String path;
    private final String rule;

    public InvalidSecurityMessageException(String path, String rule) {
        super(path + ": " + rule);
        this.path = path;
        this.rule = rule;
    }

    public String code() {
        return "InvalidSecurityMessage";
    }

    /** The JSON path of the offending value, {@code $} for the root. */
    public String path() {
        return path;
    }

    public String rule() {
        return rule;
    }
}
