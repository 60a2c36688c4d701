package dev.vigil.kql.catalog;

import java.util.List;
import java.util.Optional;

/** The tables a query may reference, as seen by one caller in one workspace. */
public interface Catalog {

    /** The table with exactly this name (KQL table names are case-sensitive). */
    Optional<TableSchema> table(String name);

    /** Every table, for wildcard references and {@code search}. */
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
        List<StoredFunction> functionCopy = List.copyOf(functions);
        return new Catalog() {
            @Override
            public Optional<TableSchema> table(String name) {
                return copy.stream().filter(t -> t.name().equals(name)).findFirst();
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
