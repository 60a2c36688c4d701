package dev.vigil.iot.device;

/**
 * Why a device was refused: at connection time ({@link AuthenticationFailure}) or, once connected,
 * for one message ({@link MessageRefusal}).
 */
public sealed interface RefusalReason permits AuthenticationFailure, MessageRefusal {

    /** The constant's name, e.g. {@code EXPIRED_SAS_TOKEN}, as logs and error bodies show it. */
    String name();

    /** IoT Hub's error (status, name, numeric code) for this refusal, as the HTTPS answer and the log give it. */
    IotHubError iotHubError();
}
