package dev.vigil.server.console;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The Content-Security-Policy of console pages. Scripts run only from the server's own files (no
 * inline script, no eval), and so do styles. The one relaxation is for pages that host the
 * Monaco editor, which creates its own style elements (let through by a per-response nonce, which
 * only the console's scripts hand on) and positions its lines with style attributes. Styles can
 * not run code, and every value a page shows is escaped, so scripts stay as strict there.
 */
public record ContentSecurityPolicy(String headerValue) {
    public static final String HEADER = "Content-Security-Policy";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COMMON = "default-src 'none'; script-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** Every console page but those with the editor. */
    public static final ContentSecurityPolicy STRICT = new ContentSecurityPolicy(COMMON + "; style-src 'self'");

    /** For a page with the Monaco editor: its style elements carry {@code nonce}; its workers load from the server. */
    public static ContentSecurityPolicy withEditor(String nonce) {
        return new ContentSecurityPolicy(COMMON + "; style-src 'self'; style-src-elem 'self' 'nonce-" + nonce + "'; style-src-attr 'unsafe-inline';"
                + " worker-src 'self'");
    }

    /** 128 random bits for one response. */
    public static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
