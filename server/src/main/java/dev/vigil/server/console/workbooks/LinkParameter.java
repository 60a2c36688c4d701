package dev.vigil.server.console.workbooks;

/** A parameter that tabs or links set, kept in the page's form so that other changes keep the current tab. */
public record LinkParameter(String name, String value) {
}
