package dev.vigil.iot.registry;

/** The request clashes with what exists, e.g. deleting a resource group that still holds hubs. */
public final class ResourceConflictException extends RegistryException {
    public ResourceConflictException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "Conflict";
    }
}
