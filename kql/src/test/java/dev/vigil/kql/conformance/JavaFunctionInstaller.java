package dev.vigil.kql.conformance;

import dev.vigil.kql.functions.FunctionRegistry;
import dev.vigil.kql.functions.JavaFunction;
import dev.vigil.kql.types.KqlType;
import java.sql.SQLException;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBScalarFunctionBuilder;
import org.duckdb.DuckDBWritableVector;

/**
 * The test suite's copy of the workspace's installer (workspace/.../duckdb/JavaFunctionInstaller,
 * which this module cannot see): registers the KQL functions that run as Java code ({@link FunctionRegistry#javaFunctions}) as DuckDB scalar
 * functions. A registration belongs to the database, so every connection to it, and every
 * duplicate of one, sees the functions; it must happen before the configuration is locked.
 */
public final class JavaFunctionInstaller {
    private JavaFunctionInstaller() {
    }

    public static void install(org.duckdb.DuckDBConnection database) throws SQLException {
        for (JavaFunction function : FunctionRegistry.javaFunctions()) {
            DuckDBColumnType[] parameters = function.parameters().stream().map(JavaFunctionInstaller::columnType).toArray(DuckDBColumnType[]::new);
            try (DuckDBScalarFunctionBuilder builder = DuckDBFunctions.scalarFunction()) {
                builder.withName(function.sqlName())
                        .withParameters(parameters)
                        .withReturnType(columnType(function.result()))
                        .withVectorizedFunction((input, output) -> {
                            int columns = (int) input.columnCount();
                            DuckDBReadableVector[] vectors = new DuckDBReadableVector[columns];
                            for (int c = 0; c < columns; c++) {
                                vectors[c] = input.vector(c);
                            }
                            for (long row = 0; row < input.rowCount(); row++) {
                                Object[] arguments = new Object[columns];
                                for (int c = 0; c < columns; c++) {
                                    arguments[c] = read(vectors[c], row, function.parameters().get(c));
                                }
                                write(output, row, function.body().apply(arguments));
                            }
                        })
                        .register(database);
            }
        }
    }

    private static DuckDBColumnType columnType(KqlType type) {
        switch (type) {
            case REAL: return DuckDBColumnType.DOUBLE;
            case LONG: return DuckDBColumnType.BIGINT;
            case INT: return DuckDBColumnType.INTEGER;
            case BOOL: return DuckDBColumnType.BOOLEAN;
            case STRING:
            case DYNAMIC:
                return DuckDBColumnType.VARCHAR;
            default: throw new IllegalArgumentException("a Java function cannot take or give " + type);
        }
    }

    private static Object read(DuckDBReadableVector vector, long row, KqlType type) {
        if (vector.isNull(row)) {
            return null;
        }
        switch (type) {
            case REAL: return vector.getDouble(row);
            case LONG: return vector.getLong(row);
            case INT: return vector.getInt(row);
            case BOOL: return vector.getBoolean(row);
            default: return vector.getString(row);
        }
    }

    private static void write(DuckDBWritableVector output, long row, Object value) {
        if (value == null) {
            output.setNull(row);
        } else if (value instanceof Double number) {
            output.setDouble(row, number);
        } else if (value instanceof Long number) {
            output.setLong(row, number);
        } else if (value instanceof Integer number) {
            output.setInt(row, number);
        } else if (value instanceof Boolean flag) {
            output.setBoolean(row, flag);
        } else {
            output.setString(row, (String) value);
        }
    }
}
