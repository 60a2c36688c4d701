package dev.vigil.server.console.logs;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.workspace.api.ResultValues;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * How the grid shows a kept result: the rows whose text contains {@code filter} (in one column, or
 * in any when {@code filterColumn} is empty), sorted by one column. It is applied on the server, to
 * every kept row: the browser holds one page of them, and sorting there would sort that page only.
 *
 * @param sortColumn the column sorted by (its index), empty for the query's own order
 * @param descending whether the sort is from the largest value down
 * @param filterColumn the column the filter looks in, empty for any
 * @param filter the text a shown row contains, ignoring case; empty shows every row
 * @param table which of the query's result tables is shown (its position), the first unless it gave several
 */
record ResultView(Optional<Integer> sortColumn, boolean descending, Optional<Integer> filterColumn, String filter, int table) {
    static final ResultView NONE = new ResultView(Optional.empty(), false, Optional.empty(), "", 0);
    private static final int MAX_FILTER = 200;

    ResultView {
        filter = filter.length() > MAX_FILTER ? filter.substring(0, MAX_FILTER) : filter;
        table = Math.max(0, table);
    }

    /** The view a request asks for ({@code table}, {@code sort}, {@code dir}, {@code column}, {@code filter}); what it gets wrong is left out. */
    static ResultView of(Function<String, String> parameter) {
        return new ResultView(index(parameter.apply("sort")), "desc".equals(parameter.apply("dir")), index(parameter.apply("column")),
                Optional.ofNullable(parameter.apply("filter")).map(String::strip).orElse(""), index(parameter.apply("table")).orElse(0));
    }

    /** Another of the query's tables, unsorted and unfiltered: its columns are not this one's. */
    static ResultView ofTable(int table) {
        return new ResultView(Optional.empty(), false, Optional.empty(), "", table);
    }

    private static Optional<Integer> index(String text) {
        try {
            return text == null || text.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(text)).filter(i -> i >= 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The same filter, sorted by this column: ascending first, descending when it already was ascending. */
    ResultView sortedBy(int column) {
        boolean descendingNext = sortColumn.equals(Optional.of(column)) && !descending;
        return new ResultView(Optional.of(column), descendingNext, filterColumn, filter, table);
    }

    /** The view as query parameters ({@code sort=2&dir=desc&filter=...}), empty for the query's own rows; starts with {@code &} when not empty. */
    String parameters() {
        StringJoiner out = new StringJoiner("");
        if (table > 0) {
            out.add("&table=" + table);
        }
        sortColumn.ifPresent(column -> out.add("&sort=" + column + (descending ? "&dir=desc" : "")));
        if (!filter.isEmpty()) {
            filterColumn.ifPresent(column -> out.add("&column=" + column));
            out.add("&filter=" + ConsolePaths.encode(filter));
        }
        return out.toString();
    }

    /** The kept rows as this view shows them. */
    List<List<Object>> apply(List<ColumnSchema> columns, List<List<Object>> rows) {
        List<List<Object>> shown = filter.isEmpty() ? new ArrayList<>(rows) : filtered(columns, rows);
        Optional<Integer> sort = sortColumn.filter(i -> i < columns.size());
        if (sort.isPresent()) {
            int column = sort.get();
            KqlType type = columns.get(column).type();
            // keys computed once per row: parsing a datetime at every comparison would cost 14 times more
            List<Keyed> keyed = new ArrayList<>(shown.size());
            for (List<Object> row : shown) {
                keyed.add(new Keyed(sortKey(row.get(column), type), row));
            }
            Comparator<Comparable<Object>> order = descending ? KEYS.reversed() : KEYS;
            keyed.sort(Comparator.comparing(Keyed::key, Comparator.nullsLast(order)));
            shown = keyed.stream().map(Keyed::row).toList();
        }
        return shown;
    }

    private List<List<Object>> filtered(List<ColumnSchema> columns, List<List<Object>> rows) {
        String wanted = filter.toLowerCase(Locale.ROOT);
        Optional<Integer> only = filterColumn.filter(i -> i < columns.size());
        List<List<Object>> found = new ArrayList<>();
        for (List<Object> row : rows) {
            boolean matches = only.isPresent() ? contains(row.get(only.get()), wanted) : row.stream().anyMatch(value -> contains(value, wanted));
            if (matches) {
                found.add(row);
            }
        }
        return found;
    }

    private static boolean contains(Object value, String wanted) {
        return value != null && value.toString().toLowerCase(Locale.ROOT).contains(wanted);
    }

    private record Keyed(Comparable<Object> key, List<Object> row) {
    }

    /** Keys of one column are of one kind; should a value not parse, keys of different kinds sort by kind rather than fail. */
    private static final Comparator<Comparable<Object>> KEYS = (a, b) -> a.getClass() == b.getClass()
            ? a.compareTo(b) : a.getClass().getName().compareTo(b.getClass().getName());

    /**
     * What a value sorts by: numbers by value, datetimes by instant and timespans by length (their
     * texts do not sort so: {@code 10:00:00.5Z} before {@code 10:00:00Z}), other text ignoring case.
     */
    @SuppressWarnings("unchecked")
    private static Comparable<Object> sortKey(Object value, KqlType type) {
        if (value == null) {
            return null;
        }
        Comparable<?> key;
        if (value instanceof Number number) {
            key = new NumberKey(number);
        } else if (value instanceof Boolean flag) {
            key = flag;
        } else if (type == KqlType.DATETIME) {
            key = instant(value.toString());
        } else if (type == KqlType.TIMESPAN) {
            Optional<Long> ticks = ResultValues.timespanTicks(value.toString());
            key = ticks.isPresent() ? ticks.get() : value.toString();
        } else {
            key = value.toString().toLowerCase(Locale.ROOT);
        }
        return (Comparable<Object>) key;
    }

    /** A number of any kind: whole numbers compared exactly, others as doubles. */
    private record NumberKey(Number value) implements Comparable<NumberKey> {
        @Override
        public int compareTo(NumberKey other) {
            return whole(value) && whole(other.value) ? Long.compare(value.longValue(), other.value.longValue())
                    : Double.compare(value.doubleValue(), other.value.doubleValue());
        }

        private static boolean whole(Number number) {
            return number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte;
        }
    }

    private static Comparable<?> instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}
