package dev.vigil.iot.twin.query;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A parsed twin query: {@code SELECT [TOP n] (* | items) FROM devices|devices.modules [WHERE condition] [GROUP BY fields]
 * [ORDER BY field [ASC|DESC], ...]}.
 *
 * @param select empty for {@code *}
 * @param orderBy empty for the twins' own order (device id, then module id)
 */
record TwinQuery(OptionalInt top, List<Projection> select, QuerySource from, Optional<Condition> where, List<FieldPath> groupBy, List<SortKey> orderBy) {
    TwinQuery {
        select = List.copyOf(select);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
    }

    boolean selectsTwins() {
        return select.isEmpty();
    }

    boolean aggregates() {
        return !groupBy.isEmpty() || select.stream().anyMatch(p -> p instanceof Projection.Count);
    }
}
