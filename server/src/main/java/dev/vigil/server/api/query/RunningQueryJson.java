package dev.vigil.server.api.query;

import dev.vigil.kql.ObfuscatedStrings;
import dev.vigil.server.query.RunningQuery;
import java.time.Clock;
import java.time.Duration;

/** A running query as the API lists it; its obfuscated string literals masked, as Kusto's {@code .show queries} shows them. */
record RunningQueryJson(String id, String workspace, String user, String query, String startedAt, long elapsedMs, boolean cancelling) {
    static RunningQueryJson of(RunningQuery query, Clock clock) {
        return new RunningQueryJson(query.id(), query.workspace(), query.caller().id(), ObfuscatedStrings.masked(query.query()), query.started().toString(),
                Duration.between(query.started(), clock.instant()).toMillis(), query.cancellation().isCancelled());
    }
}
