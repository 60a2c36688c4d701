package dev.vigil.server.console.settings;

import dev.vigil.server.console.layout.Shell;
import java.util.List;
import java.util.Optional;

/**
 * Settings: the signed-in user's account and roles, the theme, and for Owners of {@code /} the
 * users and their role assignments.
 *
 * @param assignments empty unless the user may manage access
 */
public record SettingsPage(Shell shell, String userName, List<String> roles, Optional<List<Assignment>> assignments) {

    public record Assignment(String user, String role, String scope, String grantedBy, String since) {
    }
}
