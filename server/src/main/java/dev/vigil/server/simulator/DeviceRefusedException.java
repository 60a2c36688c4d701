package dev.vigil.server.simulator;

/** The hub answered a device's HTTPS message with something other than 204. */
final class DeviceRefusedException extends RuntimeException {
    private final int status;

    DeviceRefusedException(int status, String body) {
        super("the hub answered " + status + (body.isEmpty() ? "" : ": " + body));
        this.status = status;
    }

    int status() {
        return status;
    }
}
