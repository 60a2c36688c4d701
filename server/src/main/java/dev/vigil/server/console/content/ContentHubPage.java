package dev.vigil.server.console.content;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.List;

/**
 * The Content hub: the packs in the server's pack folder, each with its Install button, and an upload of a pack's folder.
 *
 * @param permit whether the user may install (Contributor on the workspace), and why not
 * @param packFolder the server's pack folder, shown so that an operator knows where to put packs
 */
public record ContentHubPage(Shell shell, Permit permit, List<ServerPack> packs, String packFolder, String uploadHref) {

    /** A pack of the server's folder. */
    public record ServerPack(String name, String installHref) {
    }

    public ContentHubPage {
        packs = List.copyOf(packs);
    }
}
