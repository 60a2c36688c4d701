package dev.vigil.iot.registry;

/** A registry request that cannot be carried out; {@link #code()} is the ARM-style error code. */
public abstract sealed class RegistryException extends RuntimeException
        permits ResourceNotFoundException, ResourceConflictException, InvalidResourceException {

    protected RegistryException(String message) {
        super(message);
    }

    public abstract String code();
}
