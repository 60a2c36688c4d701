package dev.vigil.workspace.api;

import dev.vigil.kql.TimeRange;
import dev.vigil.workspace.query.QueryTimespan;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A query as the Log Analytics query API takes it, plus what rules need to run one as of a time.
 *
 * @param timespan an ISO 8601 duration ({@code PT1H}, ending now), interval
 *     ({@code 2024-01-01T00:00:00Z/2024-01-02T00:00:00Z}) or start/duration; restricts {@code TimeGenerated}
 * @param asOf the instant {@code now()}, {@code ago()} and a duration timespan refer to; the store's
 *     clock when empty (a scheduled rule sets its scheduled time, so a late run sees what it would have)
 * @param ingestion restricts every table the query reads to the rows of these ingestion batches
 * @param principal the signed-in user the query runs for, which {@code current_principal()} names; empty when
 *     Vigil runs the query itself (rules, automation)
 */
public record QueryRequest(String query, Optional<String> timespan, Optional<Instant> asOf, Optional<IngestionWindow> ingestion,
                           Optional<String> principal) {
    public QueryRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(timespan, "timespan");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(ingestion, "ingestion");
        Objects.requireNonNull(principal, "principal");
    }

    public QueryRequest(String query, Optional<String> timespan) {
        this(query, timespan, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static QueryRequest of(String query) {
        return new QueryRequest(query, Optional.empty());
    }

    /**
     * The time range the timespan names, a duration counting back from {@code now}; empty without a
     * timespan. Throws {@link InvalidTimespanException} for one that does not parse.
     */
    public Optional<TimeRange> timeRange(Instant now) {
        return timespan.map(text -> QueryTimespan.parse(text, now));
    }

    public QueryRequest withTimespan(String newTimespan) {
        return new QueryRequest(query, Optional.of(newTimespan), asOf, ingestion, principal);
    }

    public QueryRequest at(Instant instant) {
        return new QueryRequest(query, timespan, Optional.of(instant), ingestion, principal);
    }

    public QueryRequest withIngestion(IngestionWindow window) {
        return new QueryRequest(query, timespan, asOf, Optional.of(window), principal);
    }

    /** This request run for the signed-in user {@code name}. */
    public QueryRequest forPrincipal(String name) {
        return new QueryRequest(query, timespan, asOf, ingestion, Optional.of(name));
    }
}
