package dev.vigil.server.console.signin;

import dev.vigil.server.console.ConsoleTemplates;
import dev.vigil.server.console.layout.ConsolePaths;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The sign-in page. Its script posts the user name and password to the API's own login
 * ({@code POST /api/session}), so that the console signs in exactly as the API does: the same
 * throttling, audit and session cookie. Signing out is the API's {@code DELETE /api/session}.
 */
public final class SignInPages {
    private final ConsoleTemplates templates;

    public SignInPages(ConsoleTemplates templates) {
        this.templates = templates;
    }

    /** The sign-in page is served without a session, so it is registered on the routes directly. */
    public void register(RoutesConfig routes) {
        routes.get(ConsolePaths.SIGN_IN, this::signIn);
    }

    private void signIn(Context ctx) {
        SignInPage page = new SignInPage(ConsolePaths.safeReturn(ctx.queryParam("returnTo")), ctx.queryParam("signedOut") != null);
        templates.render(ctx, "signin/signIn.jte", page);
    }
}
