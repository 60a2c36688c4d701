package dev.vigil.server.console.iot;

import java.util.List;
import java.util.Optional;

/**
 * An IoT alert in a list, with the status changes its lifecycle allows from where it is.
 *
 * @param deviceHref the device's page, while the device exists
 */
public record AlertRow(String id, String name, String severity, String status, String device, Optional<String> deviceHref, String hub,
        String startTime, long count, List<StatusChange> changes) {

    /** A button: its words, and where it posts. */
    public record StatusChange(String label, String action) {
    }
}
