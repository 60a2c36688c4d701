/**
 * The "Defender for IoT" half of Vigil: subscriptions, IoT hubs, devices and their keys, SAS
 * authentication, the HTTPS and MQTT device endpoints, security messages, detections and IoT
 * alerts. Depends on {@code workspace} only.
 */
package dev.vigil.iot;
