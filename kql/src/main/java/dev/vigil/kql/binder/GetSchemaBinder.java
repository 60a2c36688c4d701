package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.Values;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/** {@code getschema}: one row per input column: name, ordinal, the .NET type Kusto reports, and the KQL type. */
final class GetSchemaBinder {
    private static final List<ColumnSchema> COLUMNS = List.of(
            new ColumnSchema("ColumnName", KqlType.STRING),
            new ColumnSchema("ColumnOrdinal", KqlType.INT),
            new ColumnSchema("DataType", KqlType.STRING),
            new ColumnSchema("ColumnType", KqlType.STRING));

    private GetSchemaBinder() {
    }

    static LogicalOperator bind(LogicalOperator input) {
        List<List<BoundExpression>> rows = new ArrayList<>();
        for (int i = 0; i < input.schema().size(); i++) {
            ColumnSchema column = input.schema().get(i);
            rows.add(List.of(BoundLiteral.of(column.name(), KqlType.STRING), BoundLiteral.of(i, KqlType.INT),
                    BoundLiteral.of(dotNetType(column.type()), KqlType.STRING), BoundLiteral.of(column.type().kqlName(), KqlType.STRING)));
        }
        return new Values(COLUMNS, rows);
    }

    private static String dotNetType(KqlType type) {
        switch (type) {
            case BOOL: return "System.SByte";
            case INT: return "System.Int32";
            case LONG: return "System.Int64";
            case REAL: return "System.Double";
            case DECIMAL: return "System.Data.SqlTypes.SqlDecimal";
            case STRING: return "System.String";
            case DATETIME: return "System.DateTime";
            case TIMESPAN: return "System.TimeSpan";
            case GUID: return "System.Guid";
            default: return "System.Object";
        }
    }
}
