package dev.vigil.server.api.query;

import dev.vigil.server.api.InvalidRequestException;
import dev.vigil.workspace.api.QueryRequest;
import java.util.Optional;

/** The body of a query request, as the Log Analytics query API takes it. */
record QueryBodyJson(String query, String timespan) {
    QueryRequest toRequest() {
        if (query == null || query.isBlank()) {
            throw new InvalidRequestException("The body needs a 'query' with the KQL text, e.g. {\"query\":\"SecurityAlert | take 10\"}.");
        }
        return new QueryRequest(query, Optional.ofNullable(timespan).filter(t -> !t.isBlank()));
    }
}
