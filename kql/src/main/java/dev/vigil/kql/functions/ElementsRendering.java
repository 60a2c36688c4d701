package dev.vigil.kql.functions;

/**
 * Writes the array a call gives as a DuckDB list of its elements; declared by functions whose
 * dynamic result is always an array or null ({@code bag_keys}).
 */
@FunctionalInterface
public interface ElementsRendering {
    ElementList render(RenderArguments arguments);
}
