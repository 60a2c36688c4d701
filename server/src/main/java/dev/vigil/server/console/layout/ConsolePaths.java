package dev.vigil.server.console.layout;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where console pages live: everything under {@value #ROOT}, a workspace's pages under {@code /console/workspaces/{id}}. */
public final class ConsolePaths {
    public static final String ROOT = "/console";
    public static final String ASSETS = ROOT + "/assets";
    public static final String SIGN_IN = ROOT + "/sign-in";
    public static final String WEBJARS = "/webjars";
    /** Route pattern of a workspace's pages, for Javalin. */
    public static final String WORKSPACE = ROOT + "/workspaces/{workspace}";

    private ConsolePaths() {
    }

    public static String workspace(String workspace) {
        return ROOT + "/workspaces/" + encode(workspace);
    }

    /** Whether the console serves the path (pages, their assets, and {@code /}, which leads to it), rather than the API. */
    public static boolean isConsole(String path) {
        return path.equals("/") || path.equals(ROOT) || path.startsWith(ROOT + "/") || path.startsWith(WEBJARS + "/");
    }

    /** Whether the path is served without a session: the sign-in page and static files. */
    public static boolean isPublic(String path) {
        return path.equals("/") || path.equals(SIGN_IN) || path.startsWith(ASSETS + "/") || path.startsWith(WEBJARS + "/");
    }

    /** Whether the path is a static file, which may be cached. */
    public static boolean isAsset(String path) {
        return path.startsWith(ASSETS + "/") || path.startsWith(WEBJARS + "/");
    }

    /** A path segment or query value, percent-encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A sign-in link that leads back to {@code returnTo} afterwards. */
    public static String signIn(String returnTo) {
        return SIGN_IN + "?returnTo=" + encode(returnTo);
    }

    /** Where to go after sign-in: the path asked for if it is a console page of this server, else the console's start. */
    public static String safeReturn(String returnTo) {
        if (returnTo == null || !returnTo.startsWith(ROOT + "/") || returnTo.startsWith("//") || returnTo.contains("\\")
                || returnTo.startsWith(SIGN_IN)) {
            return ROOT + "/";
        }
        return returnTo;
    }
}
