package dev.vigil.iot.registry;

/** A resource body or name that breaks a rule; the message names the field and the rule. */
public final class InvalidResourceException extends RegistryException {
    public InvalidResourceException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "InvalidResource";
    }
}
