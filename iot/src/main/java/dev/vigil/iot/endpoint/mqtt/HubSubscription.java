package dev.vigil.iot.endpoint.mqtt;

/**
 * The IoT Hub topics a device or module subscribes to whose traffic Vigil sends itself (not through
 * the broker): what an MQTT persistent session keeps across reconnects ({@link MqttSessions}).
 */
enum HubSubscription {
    /** {@code devices/{id}/messages/devicebound/#}: cloud-to-device messages (devices only). */
    CLOUD_TO_DEVICE,
    /** {@code $iothub/twin/res/#}: answers to twin requests. */
    TWIN_RESPONSES,
    /** {@code $iothub/twin/PATCH/properties/desired/#}: desired-property notifications. */
    DESIRED_PROPERTIES,
    /** {@code $iothub/methods/POST/#}: direct method requests. */
    METHODS
}
