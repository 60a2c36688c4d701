package dev.vigil.kql.binder;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.catalog.TableSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.Union;
import dev.vigil.kql.syntax.AsOperator;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.PipeExpression;
import dev.vigil.kql.syntax.TableReference;
import dev.vigil.kql.syntax.TabularExpression;
import dev.vigil.kql.syntax.UnionOperator;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code union}: the legs' rows one after another. {@code kind=outer} (the default) keeps every
 * column, in order of first appearance; a name used with different types becomes one column per
 * type, named {@code Name_type}. {@code kind=inner} keeps the columns every leg has. Wildcard names
 * expand to the matching tables; with {@code isfuzzy=true} unknown tables are left out.
 */
final class UnionBinder {
    private UnionBinder() {
    }

    static LogicalOperator bind(UnionOperator union, Optional<LogicalOperator> input, Environment environment) {
        List<LogicalOperator> legs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        input.ifPresent(i -> {
            legs.add(i);
            names.add("union_arg0");
        });
        for (TabularExpression leg : union.legs()) {
            if (leg instanceof TableReference reference && reference.isWildcard()) {
                for (TableSchema table : environment.catalog().tables()) {
                    if (NamePatterns.matches(reference.name(), table.name())) {
                        legs.add(TabularBinder.reference(new TableReference(table.name(), reference.span()), environment));
                        names.add(table.name());
                    }
                }
                continue;
            }
            try {
                legs.add(TabularBinder.bind(leg, environment));
                names.add(legName(leg).orElse("union_arg" + names.size()));
            } catch (DiagnosticException e) {
                if (!union.fuzzy() || !(leg instanceof TableReference)) {
                    throw e;
                }
            }
        }
        if (legs.isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.unionWithoutTables(), union.span());
        }
        boolean inner = union.kind().map(k -> kind(k)).orElse(false);
        return inner ? innerUnion(legs, names, union) : outerUnion(legs, names, union);
    }

    /**
     * The name {@code withsource} gives a leg's rows: the name of a table leg, or the name the leg's last
     * {@code as} gives it ({@code (T | where x > 1 | as Recent)}); other legs are {@code union_argN}.
     */
    private static Optional<String> legName(TabularExpression leg) {
        if (leg instanceof TableReference reference) {
            return Optional.of(reference.name());
        }
        if (leg instanceof PipeExpression pipe) {
            for (int i = pipe.operators().size() - 1; i >= 0; i--) {
                if (pipe.operators().get(i) instanceof AsOperator as) {
                    return Optional.of(as.name().name());
                }
            }
            return pipe.operators().isEmpty() ? legName(pipe.source()) : Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean kind(Identifier kind) {
        if (kind.name().equals("inner")) {
            return true;
        }
        if (kind.name().equals("outer")) {
            return false;
        }
        throw new DiagnosticException(DiagnosticFacts.unknownUnionKind(kind.name()), kind.span());
    }

    private static Union outerUnion(List<LogicalOperator> legs, List<String> names, UnionOperator union) {
        Map<String, List<KqlType>> typesByName = new LinkedHashMap<>();
        for (LogicalOperator leg : legs) {
            for (ColumnSchema column : leg.schema()) {
                List<KqlType> types = typesByName.computeIfAbsent(column.name(), n -> new ArrayList<>());
                if (!types.contains(column.type())) {
                    types.add(column.type());
                }
            }
        }
        List<ColumnSchema> columns = new ArrayList<>();
        List<ColumnSchema> sourceColumns = new ArrayList<>();
        typesByName.forEach((name, types) -> {
            for (KqlType type : types) {
                columns.add(new ColumnSchema(types.size() == 1 ? name : name + "_" + type.kqlName(), type));
                sourceColumns.add(new ColumnSchema(name, type));
            }
        });
        return union(legs, names, columns, sourceColumns, union);
    }

    private static Union innerUnion(List<LogicalOperator> legs, List<String> names, UnionOperator union) {
        List<ColumnSchema> common = new ArrayList<>(legs.get(0).schema());
        for (LogicalOperator leg : legs.subList(1, legs.size())) {
            common.retainAll(leg.schema());
        }
        return union(legs, names, common, common, union);
    }

    private static Union union(List<LogicalOperator> legs, List<String> names, List<ColumnSchema> columns,
                               List<ColumnSchema> sourceColumns, UnionOperator union) {
        List<List<Optional<String>>> sources = new ArrayList<>();
        for (LogicalOperator leg : legs) {
            List<Optional<String>> legSources = new ArrayList<>();
            for (ColumnSchema wanted : sourceColumns) {
                legSources.add(leg.schema().contains(wanted) ? Optional.of(wanted.name()) : Optional.empty());
            }
            sources.add(legSources);
        }
        Optional<String> sourceColumn = union.withSource().map(Identifier::name);
        if (sourceColumn.isPresent() && columns.stream().anyMatch(c -> c.name().equals(sourceColumn.get()))) {
            throw new DiagnosticException(DiagnosticFacts.duplicateColumn(sourceColumn.get()), union.withSource().get().span());
        }
        return new Union(legs, names, columns, sources, sourceColumn);
    }
}
