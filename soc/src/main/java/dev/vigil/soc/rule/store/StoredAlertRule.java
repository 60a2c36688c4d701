package dev.vigil.soc.rule.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A rule as kept in the state store: its body in the API's {@code {"kind","properties"}} shape, and its bookkeeping. */
record StoredAlertRule(String workspaceId, String ruleId, String etag, Instant lastModifiedUtc, Instant activeSinceUtc, long activeSinceBatch, JsonNode body) {
}
