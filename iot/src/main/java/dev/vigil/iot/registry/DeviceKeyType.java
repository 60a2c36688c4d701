package dev.vigil.iot.registry;

/** Which of a device's two keys to regenerate; two keys let a fleet move to a new key while the other still signs. */
public enum DeviceKeyType {
    PRIMARY,
    SECONDARY
}
