package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.ColumnSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names an expression can see: the input's columns, the columns defined earlier in the
 * same {@code extend} or {@code project}, which stand for their expressions, and then the scalar
 * {@code let} names of the environment.
 */
final class Scope {
    private final Map<String, BoundExpression> names = new LinkedHashMap<>();
    /** Values reached as {@code Name.Member} where Name is no column: the steps of {@code scan}. */
    private final Map<String, Map<String, BoundExpression>> qualified = new LinkedHashMap<>();
    /** Qualifiers whose members are all defined: another member is an error, not a dynamic property. */
    private final java.util.Set<String> closedQualifiers = new java.util.HashSet<>();
    private final Environment environment;
    private List<ColumnSchema> inputColumns = List.of();
    private Optional<GraphCalls> graphCalls = Optional.empty();

    private Scope(Environment environment) {
        this.environment = environment;
    }

    static Scope of(List<ColumnSchema> columns, Environment environment) {
        Scope scope = new Scope(environment);
        scope.inputColumns = List.copyOf(columns);
        for (ColumnSchema column : columns) {
            scope.names.put(column.name(), new BoundColumn(column.name(), column.type()));
        }
        return scope;
    }

    /** A scope over columns only, with no {@code let} names and an empty catalog. */
    static Scope of(List<ColumnSchema> columns) {
        return of(columns, Environment.root(new QueryContext(Catalog.of(List.of()), Optional.empty(), Optional.empty(), Map.of(), dev.vigil.kql.QueryCaller.UNKNOWN,
                dev.vigil.kql.ExternalDataReader.NONE, Optional.empty())));
    }

    Optional<BoundExpression> lookup(String name) {
        BoundExpression column = names.get(name);
        if (column != null) {
            return Optional.of(column);
        }
        return environment.lookup(name).filter(s -> s instanceof Symbol.Scalar).map(s -> ((Symbol.Scalar) s).value());
    }

    void define(String name, BoundExpression expression) {
        names.put(name, expression);
    }

    /** Makes {@code prefix.member} stand for {@code expression}, as {@code s1.Ts} does in a scan step. */
    void defineQualified(String prefix, String member, BoundExpression expression) {
        qualified.computeIfAbsent(prefix, p -> new LinkedHashMap<>()).put(member, expression);
    }

    /** Makes {@code prefix} a qualifier whose members are only those defined, as a graph pattern's variables are. */
    void closeQualifier(String prefix) {
        closedQualifiers.add(prefix);
    }

    boolean isClosedQualifier(String prefix) {
        return closedQualifiers.contains(prefix);
    }

    /** The graph functions ({@code all()}, {@code map()}, ...) this scope binds, inside {@code graph-match}. */
    Optional<GraphCalls> graphCalls() {
        return graphCalls;
    }

    Scope withGraphCalls(GraphCalls calls) {
        graphCalls = Optional.of(calls);
        return this;
    }

    /** The value of {@code prefix.member} when {@code prefix} is a qualifier defined here. */
    Optional<BoundExpression> lookupQualified(String prefix, String member) {
        return Optional.ofNullable(qualified.get(prefix)).map(members -> members.get(member));
    }

    /** The columns of the operator's input, in order (what {@code pack_all()} packs). */
    List<ColumnSchema> inputColumns() {
        return inputColumns;
    }

    Environment environment() {
        return environment;
    }
}
