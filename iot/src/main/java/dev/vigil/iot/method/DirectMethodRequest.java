package dev.vigil.iot.method;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A direct method call as IoT Hub's service API takes it:
 * {@code {"methodName","payload","responseTimeoutInSeconds","connectTimeoutInSeconds"}}.
 *
 * @param payload any JSON, sent to the device as the request body; at most 128 KB
 * @param responseTimeout how long to wait for the device's answer, 5 to 300 seconds (default 30)
 * @param connectTimeout how long to wait for an offline device to come online, 0 to 300 seconds (default 0: answer 404 at once)
 * @param payloadBytes the payload's JSON in UTF-8, the request body the device receives: written once, when the size is checked
 */
public record DirectMethodRequest(String methodName, JsonNode payload, Duration responseTimeout, Duration connectTimeout, byte[] payloadBytes) {
    /** IoT Hub's limit on a method's request and response payloads. */
    public static final int MAX_PAYLOAD_BYTES = 128 * 1024;
    public static final int DEFAULT_RESPONSE_TIMEOUT_SECONDS = 30;
    private static final int MIN_RESPONSE_TIMEOUT_SECONDS = 5;
    private static final int MAX_TIMEOUT_SECONDS = 300;
    private static final int MAX_NAME_LENGTH = 128;

    /**
     * Checks the call as IoT Hub does.
     *
     * @param responseTimeoutSeconds null for the default
     * @param connectTimeoutSeconds null for 0
     */
    public static DirectMethodRequest of(String methodName, JsonNode payload, Integer responseTimeoutSeconds, Integer connectTimeoutSeconds) {
        if (methodName == null || methodName.isBlank()) {
            throw new InvalidDirectMethodException("'methodName' is required");
        }
        if (methodName.length() > MAX_NAME_LENGTH || methodName.chars().anyMatch(c -> c == '/' || c == '#' || c == '+' || c == '?' || c < 0x20)) {
            throw new InvalidDirectMethodException("'methodName' '" + methodName + "' is not valid: at most " + MAX_NAME_LENGTH
                    + " characters, without '/', '#', '+', '?' or control characters");
        }
        int response = responseTimeoutSeconds == null ? DEFAULT_RESPONSE_TIMEOUT_SECONDS : responseTimeoutSeconds;
        if (response < MIN_RESPONSE_TIMEOUT_SECONDS || response > MAX_TIMEOUT_SECONDS) {
            throw new InvalidDirectMethodException("'responseTimeoutInSeconds' must be from " + MIN_RESPONSE_TIMEOUT_SECONDS + " to "
                    + MAX_TIMEOUT_SECONDS + ", was " + response);
        }
        int connect = connectTimeoutSeconds == null ? 0 : connectTimeoutSeconds;
        if (connect < 0 || connect > MAX_TIMEOUT_SECONDS) {
            throw new InvalidDirectMethodException("'connectTimeoutInSeconds' must be from 0 to " + MAX_TIMEOUT_SECONDS + ", was " + connect);
        }
        JsonNode body = payload == null ? NullNode.instance : payload;
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PAYLOAD_BYTES) {
            throw new DirectMethodPayloadTooLargeException(bytes.length);
        }
        return new DirectMethodRequest(methodName, body, Duration.ofSeconds(response), Duration.ofSeconds(connect), bytes);
    }
}
