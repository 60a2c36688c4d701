package dev.vigil.server.console;

import dev.vigil.server.api.access.RequestAuthentication;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.identity.AuthenticationException;
import dev.vigil.server.identity.CsrfTokenRejectedException;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Authenticates console requests with the API's own {@link RequestAuthentication} (session cookie,
 * CSRF token on every change), but answers a missing or ended session as a browser needs it: a
 * redirect to the sign-in page, which leads back afterwards. htmx requests get the redirect as
 * {@code HX-Redirect}, so that the whole page moves rather than a fragment. Also sets the
 * security headers of every console response.
 */
final class ConsoleAuthentication implements Handler {
    private final RequestAuthentication authentication;

    ConsoleAuthentication(RequestAuthentication authentication) {
        this.authentication = authentication;
    }

    @Override
    public void handle(Context ctx) {
        String path = ctx.path();
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        if (!ConsolePaths.isAsset(path)) {
            ctx.header(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.STRICT.headerValue());
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Cache-Control", "no-store");
        }
        if (ConsolePaths.isPublic(path)) {
            return;
        }
        try {
            authentication.handle(ctx);
        } catch (AuthenticationException e) {
            String back = ConsolePaths.signIn(ctx.method().name().equals("GET") && !"true".equals(ctx.header("HX-Request"))
                    ? path + (ctx.queryString() == null ? "" : "?" + ctx.queryString())
                    : ConsolePaths.ROOT + "/");
            if ("true".equals(ctx.header("HX-Request"))) {
                ctx.header("HX-Redirect", back);
                ctx.status(401).result("Your session has ended; sign in again.");
            } else {
                ctx.redirect(back);
            }
            ctx.skipRemainingHandlers();
        } catch (CsrfTokenRejectedException e) {
            // only the console's scripts send the token; a change without it came from elsewhere or from a stale page
            ctx.status(403).contentType("text/plain; charset=utf-8")
                    .result("This page's security token is not the session's (the page may be from an earlier session); reload the page.");
            ctx.skipRemainingHandlers();
        }
    }
}
