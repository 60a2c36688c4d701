package dev.vigil.server.console.layout;

import dev.vigil.server.console.ConsoleRequest;
import java.util.Optional;

/**
 * A page that says what went wrong, inside the layout when the user has a workspace to go back to.
 *
 * @param shell empty when the user may see no workspace at all
 */
public record ErrorPage(Optional<Shell> shell, String title, String message, String homeHref) {

    public static ErrorPage of(ConsoleRequest request, String workspace, String title, String message) {
        if (workspace == null) {
            return new ErrorPage(Optional.empty(), title, message, ConsolePaths.SIGN_IN);
        }
        return new ErrorPage(Optional.of(request.shellIn(workspace, null, title)), title, message, ConsolePaths.workspace(workspace));
    }
}
