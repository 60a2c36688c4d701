package dev.vigil.server.console.layout;

import java.util.Optional;

/** The console's areas, in navigation order, with Sentinel's labels. */
public enum Area {
    HOME("Home", ""),
    LOGS("Logs", "logs"),
    INCIDENTS("Incidents", "incidents"),
    WORKBOOKS("Workbooks", "workbooks"),
    HUNTING("Hunting", "hunting"),
    ANALYTICS("Analytics", "analytics"),
    CONTENT_HUB("Content hub", "content"),
    AUTOMATION("Automation", "automation"),
    DATA_CONNECTORS("Data connectors", "connectors"),
    IOT("IoT", "iot"),
    SETTINGS("Settings", "settings");

    private final String label;
    private final String segment;

    Area(String label, String segment) {
        this.label = label;
        this.segment = segment;
    }

    public String label() {
        return label;
    }

    /** Whether the area has pages yet; one without shows in the navigation, marked as coming later. */
    public boolean available() {
        return segment != null;
    }

    /** The area's first page within the workspace; empty for an area not available yet. */
    public Optional<String> href(String workspace) {
        return available() ? Optional.of(ConsolePaths.workspace(workspace) + (segment.isEmpty() ? "" : "/" + segment)) : Optional.empty();
    }
}
