package dev.vigil.iot.registry;

/** The subscription, resource group, hub, device or security group does not exist. */
public final class ResourceNotFoundException extends RegistryException {
    public ResourceNotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "ResourceNotFound";
    }
}
