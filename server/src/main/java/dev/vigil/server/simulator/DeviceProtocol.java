package dev.vigil.server.simulator;

/** How a simulated device talks to its hub. */
public enum DeviceProtocol {
    MQTT, HTTPS
}
