package dev.vigil.server.console.workbooks;

/** A tab or link that sets a parameter: the page's address with that value. */
public record TabLink(String label, String href, boolean current) {
}
