package dev.vigil.kql.conformance;

import java.util.List;
import java.util.Optional;

/**
 * One case of a {@code .kqltest} file.
 *
 * @param name the behaviour checked, in words
 * @param columns expected result columns as {@code Name:type}
 * @param rows expected rows, each a list of cells in the canonical text form of {@link ResultCells}
 * @param ordered whether row order is part of the expectation
 * @param error the expected diagnostic as {@code CODE line:column}, instead of columns and rows
 * @param timeRange {@code start end} (ISO instants) to compile with, if any
 */
record ConformanceCase(String file, int line, String name, String query, List<String> columns, List<List<String>> rows,
                       boolean ordered, Optional<String> error, Optional<String> timeRange) {

    @Override
    public String toString() {
        return file + ":" + line + " " + name;
    }
}
