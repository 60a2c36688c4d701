package dev.vigil.server.api.incidents;

import dev.vigil.server.api.InvalidRequestException;
import dev.vigil.soc.incident.IncidentOrder;
import dev.vigil.soc.incident.IncidentQuery;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.IncidentStatus;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The query parameters of an incident list: {@code status} and {@code severity} (comma-separated,
 * any of), {@code owner}, {@code label}, {@code createdFrom}/{@code createdTo} (ISO 8601),
 * {@code title} (contains), {@code $orderby}, {@code $top}, {@code $skipToken}.
 */
final class IncidentListQuery {
    private IncidentListQuery() {
    }

    static IncidentQuery of(Context ctx) {
        return new IncidentQuery(
                names(ctx.queryParam("status"), IncidentStatus::named),
                names(ctx.queryParam("severity"), IncidentSeverity::named),
                text(ctx, "owner"),
                text(ctx, "label"),
                time(ctx, "createdFrom"),
                time(ctx, "createdTo"),
                text(ctx, "title"),
                text(ctx, "$orderby").map(IncidentOrder::parse).orElse(IncidentOrder.NEWEST_FIRST),
                top(ctx),
                text(ctx, "$skipToken"));
    }

    private static <T> Set<T> names(String list, Function<String, T> parse) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(parse).collect(Collectors.toSet());
    }

    private static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isBlank());
    }

    private static Optional<Instant> time(Context ctx, String name) {
        return text(ctx, name).map(value -> {
            try {
                return Instant.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException("'" + name + "' must be an ISO 8601 time such as 2024-05-06T10:00:00Z, was '" + value + "'");
            }
        });
    }

    private static int top(Context ctx) {
        Optional<String> text = text(ctx, "$top");
        if (text.isEmpty()) {
            return IncidentQuery.DEFAULT_TOP;
        }
        try {
            int top = Integer.parseInt(text.get().strip());
            if (top >= 1 && top <= IncidentQuery.MAX_TOP) {
                return top;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("'$top' must be a whole number from 1 to " + IncidentQuery.MAX_TOP + ", was '" + text.get() + "'");
    }
}
