package dev.vigil.iot.detection;

/** The hub messages counted by the hub custom alerts, with their part of the rule type name. */
enum MessageKind {
    DEVICE_TO_CLOUD("D2C", "device to cloud messages"),
    CLOUD_TO_DEVICE("C2D", "cloud to device messages"),
    CLOUD_TO_DEVICE_REJECTED("C2DRejected", "rejected cloud to device messages");

    private final String ruleName;
    private final String words;

    MessageKind(String ruleName, String words) {
        this.ruleName = ruleName;
        this.words = words;
    }

    String ruleName() {
        return ruleName;
    }

    String words() {
        return words;
    }
}
