package dev.vigil.soc.connector;

/**
 * A refused request about data connectors; {@link #code()} is the error code the HTTP API
 * returns, {@link #status()} its HTTP status.
 */
public abstract sealed class ConnectorException extends RuntimeException
        permits ConnectorNotFoundException, DefenderNotEnabledException {

    private final String code;

    ConnectorException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public abstract int status();
}
