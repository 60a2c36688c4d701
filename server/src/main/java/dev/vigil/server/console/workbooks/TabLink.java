package dev.vigil.server.console.workbooks;

/**
 * A tab or link: one that sets a parameter leads to the page's address with that value, and the
 * page's script sets it in place instead ({@code parameter} and {@code value}); others have no parameter.
 */
public record TabLink(String label, String href, boolean current, String parameter, String value) {
}
