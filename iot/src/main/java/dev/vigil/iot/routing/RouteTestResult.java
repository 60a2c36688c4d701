package dev.vigil.iot.routing;

/**
 * What a route's condition made of a test message, as IoT Hub's route test answers: {@code true},
 * {@code false} or {@code undefined} (a value that is not a Boolean, or none).
 */
public enum RouteTestResult {
    TRUE("true"),
    FALSE("false"),
    UNDEFINED("undefined");

    private final String text;

    RouteTestResult(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
