package dev.vigil.soc.content;

/**
 * The version of an item as last imported, kept beside the item itself: rules and functions have
 * no version of their own, and an import has to tell a newer file from an older one.
 *
 * @param kind {@code alertRule} or {@code function}
 */
record ImportedVersion(String workspaceId, String kind, String id, String version) {
}
