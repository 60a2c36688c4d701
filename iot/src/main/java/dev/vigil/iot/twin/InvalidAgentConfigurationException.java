package dev.vigil.iot.twin;

/** The security agent's module twin configuration does not follow its schema; the message names the setting. */
public final class InvalidAgentConfigurationException extends RuntimeException {
    public InvalidAgentConfigurationException(String message) {
        super(message);
    }
}
