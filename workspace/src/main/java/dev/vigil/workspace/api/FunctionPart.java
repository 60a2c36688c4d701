package dev.vigil.workspace.api;

/** The part of a stored function's definition that positions in its diagnostics count from. */
public enum FunctionPart {
    PARAMETERS,
    BODY
}
