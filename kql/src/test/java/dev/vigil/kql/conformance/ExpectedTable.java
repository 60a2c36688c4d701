package dev.vigil.kql.conformance;

import java.util.List;
import java.util.Optional;

/**
 * One result table a {@code .kqltest} case expects.
 *
 * @param name the table's name when the case names its tables ({@code --- table Name}); empty for a case with one
 *     unnamed table, which also expects the query to give only one
 * @param columns expected result columns as {@code Name:type}
 * @param rows expected rows, each a list of cells in the canonical text form of {@link ResultCells}
 * @param ordered whether row order is part of the expectation
 */
record ExpectedTable(Optional<String> name, List<String> columns, List<List<String>> rows, boolean ordered) {
}
