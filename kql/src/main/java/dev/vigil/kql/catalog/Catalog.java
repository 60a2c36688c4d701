package dev.vigil.kql.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tables a query may reference, as seen by one caller in one workspace. */
public interface Catalog {

    /** The table with exactly this name (KQL table names are case-sensitive). */
    Optional<TableSchema> table(String name);

    /**
     * Every table that holds storage, for wildcard references and {@code search}; a table known
     * by its schema alone ({@link TableSchema#hasStorage()} false) adds nothing to them.
     */
    List<TableSchema> tables();

    /** The stored function with exactly this name; none by default. */
    default Optional<StoredFunction> function(String name) {
        return Optional.empty();
    }

    /** A catalog over a fixed list of tables. */
    static Catalog of(List<TableSchema> tables) {
        return of(tables, List.of());
    }

    /** A catalog over fixed lists of tables and stored functions. */
    static Catalog of(List<TableSchema> tables, List<StoredFunction> functions) {
        List<TableSchema> copy = List.copyOf(tables);
        Map<String, TableSchema> byName = new HashMap<>();
        copy.forEach(t -> byName.putIfAbsent(t.name(), t));
        List<StoredFunction> functionCopy = List.copyOf(functions);
        return new Catalog() {
            @Override
            public Optional<TableSchema> table(String name) {
                return Optional.ofNullable(byName.get(name));
            }

            @Override
            public List<TableSchema> tables() {
                return copy;
            }

            @Override
            public Optional<StoredFunction> function(String name) {
                return functionCopy.stream().filter(f -> f.name().equals(name)).findFirst();
            }
        };
    }
}
