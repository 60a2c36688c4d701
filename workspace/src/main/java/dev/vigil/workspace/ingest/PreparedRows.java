package dev.vigil.workspace.ingest;

/**
 * A request's rows already put in the form its {@link BatchWriter} writes, made by
 * {@link BatchWriter#prepare} on the submitting thread, so that the one commit thread only hands
 * them on instead of converting every row itself. Each writer knows its own form.
 */
public interface PreparedRows {
}
