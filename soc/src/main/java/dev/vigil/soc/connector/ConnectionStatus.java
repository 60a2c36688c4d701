package dev.vigil.soc.connector;

/** Whether a connector brings data into a workspace, spelled as the gallery shows it. */
public enum ConnectionStatus {
    CONNECTED("Connected"),
    DISCONNECTED("Disconnected");

    private final String displayName;

    ConnectionStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
