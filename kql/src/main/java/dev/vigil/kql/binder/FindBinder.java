package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.catalog.TableSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.parser.KqlParser;
import dev.vigil.kql.plan.Filter;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Project;
import dev.vigil.kql.plan.Union;
import dev.vigil.kql.syntax.FindColumn;
import dev.vigil.kql.syntax.FindExpression;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.TableReference;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code find}: the rows of the named tables (every table by default) where the predicate holds, with
 * the name of each row's table in {@code source_} (or the {@code withsource} name). A table that has none
 * of the columns the predicate reads is left out; in the others a column the predicate reads and the
 * table lacks is null. {@code project-smart} (the default) gives the columns the
 * predicate reads, then those every table left has (same name and type), then {@code pack_}: a bag
 * of each row's other columns. {@code project} gives the listed columns (null where a table lacks
 * one) and, with {@code pack_all()}, {@code pack_} of all the others.
 */
final class FindBinder {
    static final String SOURCE_COLUMN = "source_";
    static final String PACK_COLUMN = "pack_";

    private FindBinder() {
    }

    private record Leg(String name, LogicalOperator rows) {
    }

    static LogicalOperator bind(FindExpression find, Environment environment) {
        List<Leg> tables = tables(find, environment);
        if (tables.isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.unionWithoutTables(), find.span());
        }
        // the predicate's columns, found by binding it over every column of every table (the first type of a name wins)
        Map<String, KqlType> universe = new LinkedHashMap<>();
        tables.forEach(table -> table.rows().schema().forEach(c -> universe.putIfAbsent(c.name(), c.type())));
        List<ColumnSchema> everyColumn = universe.entrySet().stream().map(e -> new ColumnSchema(e.getKey(), e.getValue())).toList();
        BoundExpression anyPredicate = ExpressionBinder.bindScalar(find.predicate(), Scope.of(everyColumn, environment));
        if (anyPredicate.type() != KqlType.BOOL) {
            throw new DiagnosticException(DiagnosticFacts.typeExpected(KqlType.BOOL, anyPredicate.type()), find.predicate().span());
        }
        Set<String> read = BoundColumns.of(anyPredicate);
        List<Leg> legs = new ArrayList<>();
        for (Leg table : tables) {
            if (!read.isEmpty() && read.stream().noneMatch(name -> typeIn(table.rows(), name).isPresent())) {
                continue; // Kusto leaves out the tables that have none of the columns the predicate reads
            }
            LogicalOperator rows = table.rows();
            for (String name : read) {
                if (typeIn(rows, name).isEmpty()) {
                    rows = PluginExpansion.withColumn(rows, name, BoundLiteral.emptyOf(universe.get(name)));
                }
            }
            BoundExpression predicate = ExpressionBinder.bindScalar(find.predicate(), Scope.of(rows.schema(), environment));
            legs.add(new Leg(table.name(), new Filter(rows, predicate)));
        }
        if (legs.isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.unionWithoutTables(), find.span());
        }
        Map<String, KqlType> listed = find.columns().isPresent() ? listedColumns(find.columns().get(), legs)
                : smartColumns(legs);
        boolean pack = find.columns().isEmpty() || find.packAll();
        List<ColumnSchema> columns = new ArrayList<>();
        listed.forEach((name, type) -> columns.add(new ColumnSchema(name, type)));
        if (pack) {
            columns.add(new ColumnSchema(PACK_COLUMN, KqlType.DYNAMIC));
        }
        String source = find.withSource().map(Identifier::name).orElse(SOURCE_COLUMN);
        if (columns.stream().anyMatch(c -> c.name().equals(source))) {
            throw new DiagnosticException(DiagnosticFacts.duplicateColumn(source), find.withSource().map(Identifier::span).orElse(find.span()));
        }
        List<LogicalOperator> plans = new ArrayList<>();
        List<List<Optional<String>>> sources = new ArrayList<>();
        for (Leg leg : legs) {
            plans.add(project(leg.rows(), listed, pack, environment));
            sources.add(columns.stream().map(c -> Optional.of(c.name())).toList());
        }
        return new Union(plans, legs.stream().map(Leg::name).toList(), columns, sources, Optional.of(source));
    }

    private static List<Leg> tables(FindExpression find, Environment environment) {
        List<TableReference> references = find.tables().isEmpty() ? List.of(new TableReference("*", find.span())) : find.tables();
        List<Leg> legs = new ArrayList<>();
        for (TableReference reference : references) {
            if (reference.isWildcard()) {
                for (TableSchema table : environment.catalog().tables()) {
                    if (NamePatterns.matches(reference.name(), table.name())) {
                        legs.add(new Leg(table.name(), TabularBinder.reference(new TableReference(table.name(), reference.span()), environment)));
                    }
                }
            } else {
                legs.add(new Leg(reference.name(), TabularBinder.reference(reference, environment)));
            }
        }
        return legs;
    }

    /** The predicate's columns (typed as in the first table that has them), then the columns every table has alike. */
    private static Map<String, KqlType> smartColumns(List<Leg> legs) {
        Map<String, KqlType> columns = new LinkedHashMap<>();
        for (Leg leg : legs) {
            for (String name : BoundColumns.of(((Filter) leg.rows()).predicate())) {
                typeIn(leg.rows(), name).ifPresent(type -> columns.putIfAbsent(name, type));
            }
        }
        for (ColumnSchema column : legs.get(0).rows().schema()) {
            if (legs.stream().allMatch(leg -> leg.rows().schema().contains(column))) {
                columns.putIfAbsent(column.name(), column.type());
            }
        }
        return columns;
    }

    private static Map<String, KqlType> listedColumns(List<FindColumn> listed, List<Leg> legs) {
        Map<String, KqlType> columns = new LinkedHashMap<>();
        for (FindColumn column : listed) {
            String name = column.name().name();
            if (columns.containsKey(name)) {
                throw new DiagnosticException(DiagnosticFacts.duplicateColumn(name), column.name().span());
            }
            Optional<KqlType> type = column.type().map(token -> Types.resolve(token.text(), token.span()));
            if (type.isEmpty()) {
                type = legs.stream().map(leg -> typeIn(leg.rows(), name)).flatMap(Optional::stream).findFirst();
            }
            if (type.isEmpty()) {
                throw new DiagnosticException(DiagnosticFacts.unknownName(name), column.name().span());
            }
            columns.put(name, type.get());
        }
        return columns;
    }

    /** A leg's rows as the output columns: the listed ones (null where it lacks one, or has it with another type), then pack_. */
    private static LogicalOperator project(LogicalOperator rows, Map<String, KqlType> listed, boolean pack, Environment environment) {
        List<OutputColumn> columns = new ArrayList<>();
        List<String> packed = new ArrayList<>();
        listed.forEach((name, type) -> {
            Optional<KqlType> own = typeIn(rows, name);
            BoundExpression value = own.isPresent() && own.get() == type ? new BoundColumn(name, type) : BoundLiteral.emptyOf(type);
            columns.add(new OutputColumn(name, value));
        });
        for (ColumnSchema column : rows.schema()) {
            if (!listed.containsKey(column.name()) || typeIn(rows, column.name()).orElse(null) != listed.get(column.name())) {
                packed.add(PluginExpansion.string(column.name()) + ", " + PluginExpansion.name(column.name()));
            }
        }
        if (pack) {
            String bag = packed.isEmpty() ? "dynamic({})" : "bag_pack(" + String.join(", ", packed) + ")";
            columns.add(new OutputColumn(PACK_COLUMN, ExpressionBinder.bindScalar(KqlParser.parseExpression(bag), Scope.of(rows.schema(), environment))));
        }
        return new Project(rows, columns);
    }

    private static Optional<KqlType> typeIn(LogicalOperator rows, String name) {
        return rows.schema().stream().filter(c -> c.name().equals(name)).map(ColumnSchema::type).findFirst();
    }
}
