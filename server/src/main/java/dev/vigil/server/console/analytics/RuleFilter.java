package dev.vigil.server.console.analytics;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Active rules list's filters (name, severity, rule type, status) and order, read from the
 * page's query string, or from the filter form that the list's buttons send along so that the list
 * they answer with stays as the user set it.
 *
 * @param sort a column of {@link #SORTS}
 */
public record RuleFilter(String search, String severity, String kind, String status, String sort, boolean descending) {
    public static final List<String> KINDS = List.of("Scheduled", "NRT", "Microsoft Security");
    public static final List<String> STATUSES = List.of("Enabled", "Disabled");
    private static final Map<String, Comparator<ActiveRules.Row>> SORTS = sorts();

    public static RuleFilter from(Function<String, String> parameter) {
        String sort = Optional.ofNullable(parameter.apply("sort")).filter(SORTS::containsKey).orElse("name");
        return new RuleFilter(text(parameter, "search"), text(parameter, "severity"), text(parameter, "kind"), text(parameter, "status"), sort,
                "desc".equals(parameter.apply("order")));
    }

    private static String text(Function<String, String> parameter, String name) {
        return Optional.ofNullable(parameter.apply(name)).map(String::strip).orElse("");
    }

    private static Map<String, Comparator<ActiveRules.Row>> sorts() {
        Comparator<ActiveRules.Row> byName = Comparator.comparing(ActiveRules.Row::name, String.CASE_INSENSITIVE_ORDER);
        Map<String, Comparator<ActiveRules.Row>> sorts = new LinkedHashMap<>();
        sorts.put("name", byName);
        sorts.put("severity", Comparator.comparingInt(ActiveRules.Row::severityRank).thenComparing(byName));
        sorts.put("kind", Comparator.comparing(ActiveRules.Row::kind).thenComparing(byName));
        sorts.put("status", Comparator.comparing(ActiveRules.Row::enabled).thenComparing(byName));
        sorts.put("lastRun", Comparator.comparing(ActiveRules.Row::lastRunAt, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(byName));
        sorts.put("lastModified", Comparator.comparing(ActiveRules.Row::lastModifiedAt).thenComparing(byName));
        return sorts;
    }

    public boolean matches(ActiveRules.Row row) {
        return (search.isEmpty() || row.name().toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT)))
                && (severity.isEmpty() || List.of(row.severity().split(", ")).contains(severity))
                && (kind.isEmpty() || row.kind().equals(kind))
                && (status.isEmpty() || (row.enabled() ? "Enabled" : "Disabled").equals(status));
    }

    public List<ActiveRules.Row> apply(List<ActiveRules.Row> rows) {
        Comparator<ActiveRules.Row> order = SORTS.get(sort);
        return rows.stream().filter(this::matches).sorted(descending ? order.reversed() : order).toList();
    }

    public boolean filtered() {
        return !(search + severity + kind + status).isEmpty();
    }

    /** The list ordered by this column: ascending first, descending when it is ordered by it ascending already. */
    public String sortHref(String listHref, String column) {
        boolean flip = sort.equals(column) && !descending;
        StringBuilder href = new StringBuilder(listHref).append("?sort=").append(column).append(flip ? "&order=desc" : "");
        appendIfSet(href, "search", search);
        appendIfSet(href, "severity", severity);
        appendIfSet(href, "kind", kind);
        appendIfSet(href, "status", status);
        return href.toString();
    }

    private static void appendIfSet(StringBuilder href, String name, String value) {
        if (!value.isEmpty()) {
            href.append('&').append(name).append('=').append(dev.vigil.server.console.layout.ConsolePaths.encode(value));
        }
    }

    /** {@code aria-sort} of a column header. */
    public String ariaSort(String column) {
        return !sort.equals(column) ? "none" : descending ? "descending" : "ascending";
    }
}
