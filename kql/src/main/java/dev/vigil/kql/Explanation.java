package dev.vigil.kql;

/**
 * What {@code vigil kql explain} shows: the compilation (diagnostics, output schema, SQL) and the
 * bound plan as an indented tree with the type of every column and expression; with several result tables, the plan
 * and the SQL of each.
 *
 * @param plan the printed plan; empty when the query has errors
 */
public record Explanation(Compilation compilation, String plan) {

    /** The plan and the SQL as one text, for a terminal. */
    public String describe() {
        if (compilation.hasErrors()) {
            StringBuilder errors = new StringBuilder();
            compilation.errors().forEach(e -> errors.append(e.code()).append(' ').append(e.describe()).append('\n'));
            return errors.toString();
        }
        return "Plan:\n" + plan + "\nSQL:\n" + sql() + "\n";
    }

    /** The SQL of the query: its one statement, or each result's after a line {@code -- Name}, as the plan shows them. */
    private String sql() {
        if (!compilation.hasSeveralResults()) {
            return compilation.sql();
        }
        StringBuilder text = new StringBuilder();
        for (ResultTable result : compilation.results()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append("-- ").append(result.name()).append('\n').append(result.sql());
        }
        return text.toString();
    }
}
