package dev.vigil.workspace.api;

/**
 * The outcome of saving a stored function.
 *
 * @param created true when no function of this name existed before, false when one was replaced
 */
public record SavedFunction(StoredFunctionDefinition function, boolean created) {
}
