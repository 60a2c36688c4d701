package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * {@code buildschema(DynamicExpr)}: the aggregate that gathers the values (DuckDB's {@code list}) and gives them to the
 * Java function {@code vigil_buildschema}, which merges their schemas (see {@link DynamicSchema}).
 */
final class SchemaAggregates {
    private static final String SQL_NAME = "vigil_buildschema";

    private SchemaAggregates() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(FunctionDeclaration.aggregate("buildschema", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, List.of(
                        Signature.of(KqlType.DYNAMIC, a -> "CAST(" + SQL_NAME + "(CAST(to_json(list(" + a.sql(0) + ")) AS VARCHAR)) AS JSON)",
                                KqlType.DYNAMIC)))
                .withResultPrefix("schema"));
    }

    static List<JavaFunction> javaFunctions() {
        return List.of(new JavaFunction(SQL_NAME, List.of(KqlType.DYNAMIC), KqlType.DYNAMIC,
                arguments -> arguments[0] == null ? null : DynamicSchema.of((String) arguments[0])));
    }
}
