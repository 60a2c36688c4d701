package dev.vigil.server.simulator;

/** A simulation that cannot start or cannot go on, with a code saying why. */
public final class SimulatorException extends RuntimeException {
    /** A size, duration or rate out of its bounds. */
    public static final String INVALID_SETTINGS = "InvalidSimulationSettings";
    /** The server or MQTT host is not on this machine. */
    public static final String NOT_LOOPBACK = "NotLoopback";
    /** The registry API refused or failed a setup call. */
    public static final String SETUP_FAILED = "SimulationSetupFailed";
    /** A device could not connect with a valid token. */
    public static final String CONNECT_FAILED = "DeviceConnectFailed";

    private final String code;

    public SimulatorException(String code, String message) {
        super(message);
        this.code = code;
    }

    public SimulatorException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
