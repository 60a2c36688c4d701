package dev.vigil.iot.registry;

import java.security.SecureRandom;
import java.util.Base64;

/** Symmetric device keys as IoT Hub generates them: 256 random bits, base64. */
final class DeviceKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceKeys() {
    }

    static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
