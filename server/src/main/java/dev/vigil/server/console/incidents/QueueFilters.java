package dev.vigil.server.console.incidents;

import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.soc.connector.iot.DefenderForIotConnector;
import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentOrder;
import dev.vigil.soc.incident.IncidentQuery;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.IncidentSortKey;
import dev.vigil.soc.incident.IncidentStatus;
import dev.vigil.soc.rule.evaluation.SecurityAlertRows;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The queue's filters, order and page, as the query string carries them (so that a filtered queue is a link): values
 * outside the offered choices are dropped, never an error.
 *
 * @param status a status name, or {@link #OPEN} for New and Active
 * @param product the {@code ProductName} of one of the incident's alerts
 * @param owner {@link #UNASSIGNED}, {@link #ME} or empty for anyone
 * @param time a key of {@link #TIME_RANGES}, empty for any time
 * @param sort a key of {@link #SORTS}
 */
public record QueueFilters(String search, String severity, String status, String owner, String product, String time, String sort,
        Optional<String> skipToken) {
    public static final String OPEN = "Open";
    public static final String UNASSIGNED = "unassigned";
    public static final String ME = "me";
    /** Highest first, as the queue's counts read. */
    public static final List<String> SEVERITIES = List.of(IncidentSeverity.HIGH.sentinelName(), IncidentSeverity.MEDIUM.sentinelName(),
            IncidentSeverity.LOW.sentinelName(), IncidentSeverity.INFORMATIONAL.sentinelName());
    public static final List<String> STATUSES = Arrays.stream(IncidentStatus.values()).map(IncidentStatus::sentinelName).toList();
    public static final Map<String, String> OWNERS = ordered(UNASSIGNED, "Unassigned", ME, "Assigned to me");
    /** The products whose alerts Vigil turns into incidents: its analytics rules and the Defender for IoT connector. */
    public static final Map<String, String> PRODUCTS = ordered(DefenderForIotConnector.PRODUCT_NAME, "Defender for IoT",
            SecurityAlertRows.PRODUCT_NAME, "Analytics rules");
    public static final Map<String, String> TIME_RANGES = ordered("24h", "Created in the last 24 hours", "7d", "Last 7 days", "30d",
            "Last 30 days");
    private static final Map<String, Duration> DURATIONS = Map.of("24h", Duration.ofHours(24), "7d", Duration.ofDays(7), "30d", Duration.ofDays(30));
    public static final Map<String, String> SORTS = ordered("created", "Newest first", "created-asc", "Oldest first", "modified",
            "Last modified", "severity", "Severity, highest first");
    private static final Map<String, IncidentOrder> ORDERS = Map.of("created", IncidentOrder.NEWEST_FIRST,
            "created-asc", new IncidentOrder(IncidentSortKey.CREATED_TIME, false),
            "modified", new IncidentOrder(IncidentSortKey.LAST_MODIFIED_TIME, true),
            "severity", new IncidentOrder(IncidentSortKey.SEVERITY, true));

    public static QueueFilters of(Context ctx) {
        return new QueueFilters(param(ctx, "search"), chosen(ctx, "severity", SEVERITIES::contains),
                chosen(ctx, "status", s -> s.equals(OPEN) || STATUSES.contains(s)), chosen(ctx, "owner", OWNERS::containsKey),
                chosen(ctx, "product", PRODUCTS::containsKey), chosen(ctx, "time", TIME_RANGES::containsKey),
                Optional.of(chosen(ctx, "sort", SORTS::containsKey)).filter(s -> !s.isEmpty()).orElse("created"),
                Optional.of(param(ctx, "skipToken")).filter(t -> !t.isEmpty()));
    }

    /** The domain's query for these filters; {@link #alsoMatching()} holds the ones it has no field for. */
    IncidentQuery query(String signedInUser, Instant now) {
        Set<IncidentStatus> statuses = status.isEmpty() ? Set.of()
                : status.equals(OPEN) ? Set.of(IncidentStatus.NEW, IncidentStatus.ACTIVE) : Set.of(IncidentStatus.named(status));
        Set<IncidentSeverity> severities = severity.isEmpty() ? Set.of() : Set.of(IncidentSeverity.named(severity));
        Optional<Instant> from = Optional.ofNullable(DURATIONS.get(time)).map(now::minus);
        return new IncidentQuery(statuses, severities, owner.equals(ME) ? Optional.of(signedInUser) : Optional.empty(), Optional.empty(), from,
                Optional.empty(), search.isEmpty() ? Optional.empty() : Optional.of(search), ORDERS.get(sort), IncidentQuery.DEFAULT_TOP,
                skipToken);
    }

    Predicate<Incident> alsoMatching() {
        Predicate<Incident> wanted = incident -> true;
        if (owner.equals(UNASSIGNED)) {
            wanted = wanted.and(incident -> !incident.owner().isAssigned());
        }
        if (!product.isEmpty()) {
            wanted = wanted.and(incident -> incident.alertProductNames().stream().anyMatch(product::equalsIgnoreCase));
        }
        return wanted;
    }

    public boolean filtered() {
        return !search.isEmpty() || !severity.isEmpty() || !status.isEmpty() || !owner.isEmpty() || !product.isEmpty() || !time.isEmpty();
    }

    /** The query string of these filters and order, without the page: {@code search=...&severity=...}. */
    public String queryString() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("search", search);
        values.put("severity", severity);
        values.put("status", status);
        values.put("owner", owner);
        values.put("product", product);
        values.put("time", time);
        values.put("sort", sort);
        return values.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + ConsolePaths.encode(e.getValue())).collect(Collectors.joining("&"));
    }

    /** The query string of the same filters on the page after {@code token}. */
    String queryStringAfter(String token) {
        return queryString() + "&skipToken=" + ConsolePaths.encode(token);
    }

    /** The query string of this page: filters, order and the page's position. */
    String pageQueryString() {
        return skipToken.map(this::queryStringAfter).orElse(queryString());
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).orElse("").strip();
    }

    private static String chosen(Context ctx, String name, Predicate<String> offered) {
        String value = param(ctx, name);
        return offered.test(value) ? value : "";
    }

    private static Map<String, String> ordered(String... keysAndLabels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndLabels.length; i += 2) {
            map.put(keysAndLabels[i], keysAndLabels[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
