package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code scan}: the input's rows, in order, matched against the steps' conditions with a state per
 * step, as Kusto defines it. Each step's state holds one entry per step up to it, an entry holding
 * the {@code entryColumns} of the record that matched that step; a rule's expressions read an entry
 * through the column named by {@link #stateColumn}. A record is output once per step it matches,
 * with the declared columns' values.
 *
 * @param input the rows, numbered from 1 in {@code rowNumber}
 * @param declared the declared columns, each with its default
 * @param outputs the input's columns as output (without the row number)
 */
public record Scan(LogicalOperator input, String rowNumber, List<ColumnSchema> entryColumns, List<OutputColumn> declared,
                   List<ScanRule> rules, Optional<String> matchId, List<ColumnSchema> outputs) implements LogicalOperator {
    public Scan {
        entryColumns = List.copyOf(entryColumns);
        declared = List.copyOf(declared);
        rules = List.copyOf(rules);
        outputs = List.copyOf(outputs);
    }

    /** The column holding entry {@code entry} (a step index) of step {@code step}'s state, for entry column {@code column}; 0-based. */
    public static String stateColumn(int step, int entry, int column) {
        return "__scan_v" + step + "_" + entry + "_" + column;
    }

    @Override
    public List<ColumnSchema> schema() {
        List<ColumnSchema> columns = new ArrayList<>(outputs);
        declared.forEach(d -> columns.add(new ColumnSchema(d.name(), d.expression().type())));
        matchId.ifPresent(name -> columns.add(new ColumnSchema(name, KqlType.LONG)));
        return List.copyOf(columns);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
