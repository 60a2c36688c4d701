package dev.vigil.server.console.logs;

import java.util.List;

/** The Logs page's schema pane: tables grouped by solution with their typed columns, then functions. */
public record SchemaPane(List<Solution> solutions, List<String> storedFunctions, List<String> builtInFunctions) {

    /** @param open whether the pane shows the group opened */
    public record Solution(String name, boolean open, List<Table> tables) {
    }

    public record Table(String name, long rows, List<Column> columns) {
    }

    public record Column(String name, String type) {
    }
}
