package dev.vigil.iot.device;

/** The device protocols of an IoT hub; hub custom alerts count messages per protocol. */
public enum Protocol {
    MQTT,
    HTTP,
    AMQP
}
