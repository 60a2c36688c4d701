package dev.vigil.kql.sql;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Scan;
import dev.vigil.kql.plan.ScanOutput;
import dev.vigil.kql.plan.ScanRule;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scan} as a recursive CTE that reads the input one row at a time, in row-number order. A row
 * of the CTE is the state after a record: per step whether it has an active sequence ({@code __scan_a}),
 * its match id ({@code __scan_m}) and its entries ({@link Scan#stateColumn}), the next match id, and the
 * records the record made ({@code __scan_out}). The steps are applied last to first, each as one
 * SELECT over the one before, so that a step sees the state the later steps left, as Kusto's do.
 */
final class ScanSql {
    private static final String ROW = "__scan_rn";
    private static final String NEXT = "__scan_next";
    private static final String OUT = "__scan_out";
    private static final String POSITION = "__scan_i";
    private static final String RECORD = "__scan_rec";

    private ScanSql() {
    }

    static String select(Scan scan, String input, ExpressionSql expressions) {
        int steps = scan.rules().size();
        List<ColumnSchema> entries = scan.entryColumns();
        List<String> stateNames = new ArrayList<>();
        List<String> anchor = new ArrayList<>();
        stateNames.add(ROW);
        anchor.add("CAST(0 AS BIGINT) AS " + ROW);
        stateNames.add(NEXT);
        anchor.add("CAST(0 AS BIGINT) AS " + NEXT);
        for (int k = 0; k < steps; k++) {
            stateNames.add(active(k));
            anchor.add("false AS " + active(k));
            stateNames.add(match(k));
            anchor.add("CAST(0 AS BIGINT) AS " + match(k));
            for (int j = 0; j <= k; j++) {
                for (int i = 0; i < entries.size(); i++) {
                    stateNames.add(state(k, j, i));
                    anchor.add(initial(scan, i, expressions) + " AS " + state(k, j, i));
                }
            }
        }
        String outType = outType(scan);
        for (int k = 0; k < steps; k++) {
            if (scan.rules().get(k).output() == ScanOutput.LAST) {
                stateNames.add(pending(k));
                anchor.add("CAST(NULL AS " + outType + ") AS " + pending(k));
            }
        }
        stateNames.add(OUT);
        anchor.add("CAST([] AS " + outType + "[]) AS " + OUT);

        List<String> base = new ArrayList<>();
        base.add("__scan_prev." + ROW + " + 1 AS " + ROW);
        for (String name : stateNames.subList(1, stateNames.size() - 1)) {
            base.add("__scan_prev." + name);
        }
        base.add("CAST([] AS " + outType + "[]) AS " + OUT);
        base.add("__scan_row.*");
        String layer = "SELECT " + String.join(", ", base) + " FROM __scan_r AS __scan_prev JOIN " + input
                + " AS __scan_row ON __scan_row." + SqlIdentifiers.quote(scan.rowNumber()) + " = __scan_prev." + ROW + " + 1";
        for (int k = steps - 1; k >= 0; k--) {
            layer = step(scan, k, layer, expressions);
        }
        String recursive = "SELECT " + String.join(", ", stateNames) + " FROM (" + layer + ")";

        List<String> outputs = new ArrayList<>();
        List<String> fields = fieldNames(scan);
        List<String> names = scan.schema().stream().map(ColumnSchema::name).toList();
        for (int f = 0; f < names.size(); f++) {
            outputs.add("struct_extract(__scan_o, '" + fields.get(f) + "') AS " + SqlIdentifiers.quote(names.get(f)));
        }
        // the records a step with output=last still holds when the input ends are output after the rest
        List<String> pendings = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            if (scan.rules().get(k).output() == ScanOutput.LAST) {
                pendings.add(pending(k));
            }
        }
        String flushed = pendings.isEmpty() ? "" : " UNION ALL SELECT " + ROW + " + 1 AS " + ROW + ", unnest(list_filter([" + String.join(", ", pendings)
                + "], lambda __p: __p IS NOT NULL)) AS __scan_o FROM __scan_r WHERE " + ROW + " = (SELECT max(" + ROW + ") FROM __scan_r)";
        return "SELECT " + String.join(", ", outputs) + " FROM (WITH RECURSIVE __scan_r AS (SELECT " + String.join(", ", anchor)
                + " UNION ALL " + recursive + ") SELECT " + ROW + ", unnest(" + OUT + ") AS __scan_o FROM __scan_r" + flushed + ")"
                + " ORDER BY struct_extract(__scan_o, '" + RECORD + "'), " + ROW + ", struct_extract(__scan_o, '" + POSITION + "')";
    }

    /** One step applied over {@code inner}: whether the record advances to it or repeats it, then the new state. */
    private static String step(Scan scan, int k, String inner, ExpressionSql expressions) {
        ScanRule rule = scan.rules().get(k);
        List<ColumnSchema> entries = scan.entryColumns();
        int previous = k - 1;
        String advances = "__scan_c1_" + k;
        String stays = "__scan_c2_" + k;
        List<String> helpers = new ArrayList<>();
        String advanceCondition = rule.advance().isPresent() && k > 0
                ? "(" + active(previous) + " AND coalesce(" + expressions.render(rule.advance().get()) + ", false))" : "false";
        helpers.add(advanceCondition + " AS " + advances);
        String stayCondition = "(NOT " + "(" + advanceCondition + ")" + (k == 0 ? "" : " AND " + active(k))
                + " AND coalesce(" + expressions.render(rule.stay()) + ", false))";
        helpers.add(stayCondition + " AS " + stays);
        int declaredStart = entries.size() - scan.declared().size();
        for (int d = 0; d < scan.declared().size(); d++) {
            OutputColumn declared = scan.declared().get(d);
            int i = declaredStart + d;
            String onAdvance = rule.advanceAssignments().containsKey(declared.name())
                    ? expressions.render(rule.advanceAssignments().get(declared.name())) : k > 0 ? state(previous, previous, i) : "NULL";
            String onStay = rule.stayAssignments().containsKey(declared.name())
                    ? expressions.render(rule.stayAssignments().get(declared.name())) : state(k, k, i);
            String type = DuckDbTypes.sqlType(declared.expression().type());
            helpers.add("CASE WHEN " + advanceCondition + " THEN CAST(" + onAdvance + " AS " + type + ") ELSE CAST("
                    + onStay + " AS " + type + ") END AS " + extended(k, d));
        }
        String withHelpers = "SELECT *, " + String.join(", ", helpers) + " FROM (" + inner + ")";

        List<String> replaced = new ArrayList<>();
        String matched = "(" + advances + " OR " + stays + ")";
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < entries.size(); i++) {
                replaced.add("CASE WHEN " + advances + " THEN " + state(previous, j, i) + " ELSE " + state(k, j, i) + " END AS " + state(k, j, i));
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            String value = i >= declaredStart ? extended(k, i - declaredStart) : SqlIdentifiers.quote(entries.get(i).name());
            replaced.add("CASE WHEN " + matched + " THEN " + value + " ELSE " + state(k, k, i) + " END AS " + state(k, k, i));
        }
        replaced.add("CASE WHEN " + matched + " THEN true ELSE " + active(k) + " END AS " + active(k));
        // a match of the first step starts a new sequence (and takes the next match id) only when the first step has none
        // active; otherwise it goes on with the sequence it has, keeping its id (Kusto's sessions example)
        String matchId = k == 0 ? "CASE WHEN " + active(0) + " THEN " + match(0) + " ELSE " + NEXT + " END"
                : "CASE WHEN " + advances + " THEN " + match(previous) + " ELSE " + match(k) + " END";
        replaced.add((k == 0 ? "CASE WHEN " + stays + " THEN " + matchId + " ELSE " + match(k) + " END" : matchId) + " AS " + match(k));
        if (k > 0) {
            replaced.add("CASE WHEN " + advances + " THEN false ELSE " + active(previous) + " END AS " + active(previous));
            for (int j = 0; j <= previous; j++) {
                for (int i = 0; i < entries.size(); i++) {
                    replaced.add("CASE WHEN " + advances + " THEN " + initial(scan, i, expressions) + " ELSE " + state(previous, j, i)
                            + " END AS " + state(previous, j, i));
                }
            }
        } else {
            replaced.add("CASE WHEN " + stays + " AND NOT " + active(0) + " THEN " + NEXT + " + 1 ELSE " + NEXT + " END AS " + NEXT);
        }
        String record = record(scan, k, matchId);
        String emitted = OUT;
        if (k > 0 && scan.rules().get(previous).output() == ScanOutput.LAST) {
            // the sequence leaves the previous step: its last record there is final now
            emitted = appended(emitted, advances + " AND " + pending(previous) + " IS NOT NULL", pending(previous), scan);
            replaced.add("CASE WHEN " + advances + " THEN NULL ELSE " + pending(previous) + " END AS " + pending(previous));
        }
        switch (rule.output()) {
            case ALL:
                emitted = appended(emitted, matched, record, scan);
                break;
            case LAST:
                // a record held for a sequence that a new one replaces (or, at the first step, that a new one follows) is final
                String replacedSequence = k == 0 ? stays : advances + " AND " + active(k);
                emitted = appended(emitted, "(" + replacedSequence + ") AND " + pending(k) + " IS NOT NULL", pending(k), scan);
                replaced.add("CASE WHEN " + matched + " THEN " + record + " ELSE " + pending(k) + " END AS " + pending(k));
                break;
            case NONE:
                break;
        }
        if (!emitted.equals(OUT)) {
            replaced.add(emitted + " AS " + OUT);
        }
        return "SELECT * REPLACE (" + String.join(", ", replaced) + ") FROM (" + withHelpers + ")";
    }

    /** The output record of the current row for step {@code k}: the row's columns, the declared values, the match id. */
    private static String record(Scan scan, int k, String matchId) {
        List<String> fields = fieldNames(scan);
        List<String> values = new ArrayList<>();
        for (ColumnSchema output : scan.outputs()) {
            values.add(SqlIdentifiers.quote(output.name()));
        }
        for (int d = 0; d < scan.declared().size(); d++) {
            values.add(extended(k, d));
        }
        if (scan.matchId().isPresent()) {
            values.add(matchId);
        }
        List<String> packed = new ArrayList<>();
        for (int f = 0; f < values.size(); f++) {
            packed.add(fields.get(f) + " := " + values.get(f));
        }
        packed.add(RECORD + " := " + ROW);
        // a record matching several steps is output last step first, as the steps are checked
        packed.add(POSITION + " := " + (scan.rules().size() - 1 - k));
        return "CAST(struct_pack(" + String.join(", ", packed) + ") AS " + outType(scan) + ")";
    }

    /** {@code list} with {@code value} appended where {@code condition} holds. */
    private static String appended(String list, String condition, String value, Scan scan) {
        return "CASE WHEN " + condition + " THEN list_append(" + list + ", " + value + ") ELSE " + list + " END";
    }

    private static String outType(Scan scan) {
        List<String> fields = fieldNames(scan);
        List<ColumnSchema> schema = scan.schema();
        List<String> typed = new ArrayList<>();
        for (int f = 0; f < schema.size(); f++) {
            typed.add(fields.get(f) + " " + DuckDbTypes.sqlType(schema.get(f).type()));
        }
        typed.add(RECORD + " BIGINT");
        typed.add(POSITION + " BIGINT");
        return "STRUCT(" + String.join(", ", typed) + ")";
    }

    /** The struct fields of an output record: one per output column, in schema order. */
    private static List<String> fieldNames(Scan scan) {
        List<String> fields = new ArrayList<>();
        for (int f = 0; f < scan.schema().size(); f++) {
            fields.add("__scan_f" + f);
        }
        return fields;
    }

    /** An entry column's value in an empty state: the declared default, or null. */
    private static String initial(Scan scan, int i, ExpressionSql expressions) {
        List<ColumnSchema> entries = scan.entryColumns();
        int declaredStart = entries.size() - scan.declared().size();
        String type = DuckDbTypes.sqlType(entries.get(i).type());
        if (i >= declaredStart) {
            return "CAST(" + expressions.render(scan.declared().get(i - declaredStart).expression()) + " AS " + type + ")";
        }
        return "CAST(NULL AS " + type + ")";
    }

    private static String state(int step, int entry, int column) {
        return SqlIdentifiers.quote(Scan.stateColumn(step, entry, column));
    }

    private static String active(int step) {
        return "__scan_a" + step;
    }

    private static String match(int step) {
        return "__scan_m" + step;
    }

    private static String pending(int step) {
        return "__scan_p" + step;
    }

    private static String extended(int step, int declared) {
        return "__scan_e" + step + "_" + declared;
    }
}
