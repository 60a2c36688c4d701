package dev.vigil.server.console.logs;

import java.time.Instant;

/**
 * A query saved under a name in a workspace, for everyone with a role there to open.
 *
 * @param timespan the time range it runs over (ISO 8601 duration), empty for "set in query"
 */
public record SavedQuery(String workspace, String name, String query, String timespan, String savedBy, Instant savedAt) {
}
