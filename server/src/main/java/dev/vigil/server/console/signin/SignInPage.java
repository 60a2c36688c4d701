package dev.vigil.server.console.signin;

/**
 * The sign-in page.
 *
 * @param returnTo the console page to open after signing in
 * @param signedOut whether the user has just signed out
 */
public record SignInPage(String returnTo, boolean signedOut) {
}
