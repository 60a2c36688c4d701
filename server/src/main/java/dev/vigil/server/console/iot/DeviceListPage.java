package dev.vigil.server.console.iot;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.List;
import java.util.Optional;

/**
 * A hub's devices: search and filter by state, a page of rows, the create form, and, in the answer to
 * creating one, its keys shown once.
 *
 * @param state {@code ""}, {@code connected}, {@code disconnected}, {@code enabled} or {@code disabled}
 * @param matching how many devices pass the filters; the page shows rows {@code from} to {@code from + rows.size() - 1}
 * @param newDeviceError why the device id typed was refused, shown at its field
 */
public record DeviceListPage(Shell shell, String overviewHref, String hubHref, String hub, String action, String search, String state,
        List<DeviceRow> rows, int total, int matching, int from, Optional<String> previousHref, Optional<String> nextHref,
        String createAction, String newDeviceId, Optional<String> newDeviceError, Optional<NewDeviceKeys> created, Permit permit,
        Optional<String> message) {

    public static final List<String> STATES = List.of("connected", "disconnected", "enabled", "disabled");

    /**
     * @param lastSeen when its last message arrived, or a dash
     * @param statusAction disables an enabled device, enables a disabled one
     */
    public record DeviceRow(String id, String href, boolean enabled, boolean connected, String lastSeen, String securityGroup, long messages,
            String statusAction, String deleteAction) {
    }
}
