package dev.vigil.kql.functions;

/** Writes the DuckDB SQL for one signature of a function or operator, given its rendered arguments. */
@FunctionalInterface
public interface SqlRendering {
    String render(RenderArguments arguments);
}
