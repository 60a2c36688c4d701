package dev.vigil.server.console.iot;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.List;
import java.util.Optional;

/**
 * A device security group's edit page: its range rules (count thresholds in a time window) and its
 * allow and deny lists, each refused value shown at its field.
 *
 * @param exists false while the group is new: saving creates it
 * @param errors how many fields the last save refused; 0 when it was not refused
 * @param saved whether the page shows the group just saved
 */
public record SecurityGroupPage(Shell shell, String overviewHref, String hubHref, String hub, String name, boolean exists,
        List<SecurityGroupForm.RangeRow> ranges, List<SecurityGroupForm.ListRow> lists, long devices, String action, String deleteAction,
        Permit permit, long errors, boolean saved) {
}
