package dev.vigil.iot.twin.query;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A parsed twin query: {@code SELECT [TOP n] (* | items) FROM devices|devices.modules [WHERE condition] [GROUP BY fields]}.
 *
 * @param select empty for {@code *}
 */
record TwinQuery(OptionalInt top, List<Projection> select, QuerySource from, Optional<Condition> where, List<FieldPath> groupBy) {
    TwinQuery {
        select = List.copyOf(select);
        groupBy = List.copyOf(groupBy);
    }

    boolean selectsTwins() {
        return select.isEmpty();
    }

    boolean aggregates() {
        return !groupBy.isEmpty() || select.stream().anyMatch(p -> p instanceof Projection.Count);
    }
}
