package dev.vigil.workspace.api;

import java.util.Objects;

/**
 * A result cut at a limit: the rows before it were delivered, the rest were not. Log Analytics
 * answers such a result with its rows and a {@code PartialError}.
 *
 * @param limit the value of the limit that was reached, in rows or bytes
 */
public record ResultTruncation(Kind kind, long limit) {
    public enum Kind {
        /** More rows than {@link QueryLimits#maxResultRows()}. */
        ROWS,
        /** Rows larger, as JSON, than {@link QueryLimits#maxResultBytes()}. */
        BYTES
    }

    public ResultTruncation {
        Objects.requireNonNull(kind, "kind");
    }

    /** Kusto's code for both limits, which clients and users recognise. */
    public String engineCode() {
        return "E_QUERY_RESULT_SET_TOO_LARGE";
    }

    public String message() {
        return switch (kind) {
            case ROWS -> "Query result set has exceeded the record count limit of " + limit
                    + " rows; the first " + limit + " are returned. Narrow the query (where, summarize, take) to see the rest.";
            case BYTES -> "Query result set has exceeded the data size limit of " + limit
                    + " bytes; the rows before it are returned. Narrow the query (where, project, summarize) to see the rest.";
        };
    }
}
