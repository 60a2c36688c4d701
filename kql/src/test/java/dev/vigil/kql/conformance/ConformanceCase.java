package dev.vigil.kql.conformance;

import java.util.List;
import java.util.Optional;

/**
 * One case of a {@code .kqltest} file.
 *
 * @param name the behaviour checked, in words
 * @param tables the expected result tables in order: one unnamed, or several named by {@code --- table}
 * @param error the expected diagnostic as {@code CODE line:column}, instead of tables
 * @param timeRange {@code start end} (ISO instants) to compile with, if any
 */
record ConformanceCase(String file, int line, String name, String query, List<ExpectedTable> tables,
                       Optional<String> error, Optional<String> timeRange) {

    @Override
    public String toString() {
        return file + ":" + line + " " + name;
    }
}
