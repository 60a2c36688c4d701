package dev.vigil.workspace.api;

import java.util.Optional;

/**
 * A query as the Log Analytics query API takes it.
 *
 * @param timespan an ISO 8601 duration ({@code PT1H}, ending now), interval
 *     ({@code 2024-01-01T00:00:00Z/2024-01-02T00:00:00Z}) or start/duration; restricts {@code TimeGenerated}
 */
public record QueryRequest(String query, Optional<String> timespan) {
    public static QueryRequest of(String query) {
        return new QueryRequest(query, Optional.empty());
    }
}
