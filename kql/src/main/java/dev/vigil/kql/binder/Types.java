package dev.vigil.kql.binder;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.ColumnDeclaration;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Type names written in queries ({@code datatable}, parameters, {@code typeof(...)}, parse captures). */
final class Types {
    private Types() {
    }

    static KqlType resolve(String name, Span span) {
        return KqlType.fromName(name).orElseThrow(() -> new DiagnosticException(DiagnosticFacts.unknownType(name), span));
    }

    /** The columns a {@code datatable} or {@code externaldata} declares at {@code span}: one at least, each name once, each type known. */
    static List<ColumnSchema> declaredColumns(List<ColumnDeclaration> declarations, Span span) {
        List<ColumnSchema> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ColumnDeclaration declaration : declarations) {
            if (!names.add(declaration.name().name())) {
                throw new DiagnosticException(DiagnosticFacts.duplicateColumn(declaration.name().name()), declaration.name().span());
            }
            columns.add(new ColumnSchema(declaration.name().name(), resolve(declaration.typeName(), declaration.typeSpan())));
        }
        if (columns.isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.expected("at least one column", ")"), span);
        }
        return columns;
    }
}
