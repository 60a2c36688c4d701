package dev.vigil.server.console.layout;

import java.util.List;
import java.util.Optional;

/**
 * What the layout around every signed-in page shows: the title, the navigation, the workspace
 * switcher and the user menu, and what the page's scripts need.
 *
 * @param styleNonce for pages with the editor, the nonce its style elements must carry
 * @param scripts the page's own scripts (paths), loaded after the console's
 */
public record Shell(String title, String workspace, List<NavItem> navigation, List<WorkspaceLink> workspaces, String userName,
        List<String> roles, String csrfToken, Optional<String> styleNonce, List<String> scripts) {

    public Shell {
        navigation = List.copyOf(navigation);
        workspaces = List.copyOf(workspaces);
        roles = List.copyOf(roles);
        scripts = List.copyOf(scripts);
    }

    /** The same shell for a page that hosts the Monaco editor and runs these scripts. */
    public Shell withEditor(String nonce, List<String> pageScripts) {
        return new Shell(title, workspace, navigation, workspaces, userName, roles, csrfToken, Optional.of(nonce), pageScripts);
    }

    /** The same shell for a page that runs these scripts of its own. */
    public Shell withScripts(List<String> pageScripts) {
        return new Shell(title, workspace, navigation, workspaces, userName, roles, csrfToken, styleNonce, pageScripts);
    }
}
