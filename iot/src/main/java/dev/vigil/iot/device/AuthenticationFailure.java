package dev.vigil.iot.device;

/** Why a device's connection or request was refused by authentication; the first two raise the hub alerts for SAS tokens. */
public enum AuthenticationFailure implements RefusalReason {
    /** {@code IoT_Expired_SAS_Token}. */
    EXPIRED_SAS_TOKEN,
    /** {@code IoT_Invalid_SAS_Token}: the signature does not match the device's keys. */
    INVALID_SAS_SIGNATURE,
    /** The token's resource URI names another hub or another device. */
    WRONG_RESOURCE,
    /** The device is disabled. */
    DEVICE_DISABLED,
    /** The device does not exist on the hub. */
    UNKNOWN_DEVICE,
    /** The credentials are not a SAS token at all. */
    MALFORMED_CREDENTIALS,
    /** The MQTT client id is not the device named in the username (CONNACK 2, identifier rejected). */
    CLIENT_ID_MISMATCH,
    /** A certificate was presented for a device that authenticates with SAS keys, or none for one that uses X.509. */
    X509_NOT_CONFIGURED,
    /** A self-signed device's certificate matches neither registered thumbprint. */
    X509_THUMBPRINT_MISMATCH,
    /** A CA-signed device's certificate does not chain up to a verified CA certificate of its hub. */
    X509_UNTRUSTED_CHAIN,
    /** A CA-signed device's certificate names another device (its subject CN must be the device id). */
    X509_SUBJECT_MISMATCH,
    /** The certificate (or one in its chain) is not valid at this time: expired or not yet valid. */
    X509_NOT_VALID_NOW;

    /** {@code 403012 DeviceDisabled} for a disabled device or module, {@code 401002 IotHubUnauthorizedAccess} for the rest. */
    @Override
    public IotHubError iotHubError() {
        return this == DEVICE_DISABLED ? IotHubError.DEVICE_DISABLED : IotHubError.IOT_HUB_UNAUTHORIZED_ACCESS;
    }
}
