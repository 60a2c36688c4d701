package dev.vigil.iot.registry;

import java.util.regex.Pattern;

/** The name rules of the registry, checked in one place. */
final class ResourceNames {
    /** Subscription, resource group and security group names: ARM's usual character set. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._()-]{1,90}");
    /** IoT hub names become host names: letters, digits and hyphens, 3 to 50 characters. */
    private static final Pattern HUB_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{1,48})[A-Za-z0-9]");
    /** IoT Hub device ids: up to 128 of letters, digits and {@code -.%_;:!'*()+=,@$}. */
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9\\-.%_;:!'*()+=,@$]{1,128}");

    private ResourceNames() {
    }

    static void requireName(String field, String value) {
        require(field, value, NAME, "1 to 90 letters, digits, '.', '_', '-', '(' or ')'");
    }

    static void requireHubName(String value) {
        require("hubName", value, HUB_NAME, "3 to 50 letters, digits or '-', starting and ending with a letter or digit");
    }

    static void requireDeviceId(String value) {
        require("deviceId", value, DEVICE_ID, "1 to 128 letters, digits or any of -.%_;:!'*()+=,@$");
    }

    /** Module ids follow the device id rules. */
    static void requireModuleId(String value) {
        require("moduleId", value, DEVICE_ID, "1 to 128 letters, digits or any of -.%_;:!'*()+=,@$");
    }

    private static void require(String field, String value, Pattern pattern, String rule) {
        if (value == null || value.isEmpty()) {
            throw new InvalidResourceException("'" + field + "' is required");
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidResourceException("'" + field + "' value '" + value + "' is not valid: it must be " + rule);
        }
    }
}
