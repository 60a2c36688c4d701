package dev.vigil.soc.automation.store;

import java.time.Instant;

/**
 * An automation rule as the state store keeps it: the body a client sets (in the API's JSON shape,
 * read back through the same checks on load) and what the store adds.
 */
record StoredAutomationRule(String workspaceId, String id, String definition, Instant createdTimeUtc, Instant lastModifiedTimeUtc, String createdBy,
        String lastModifiedBy, long revision) {
}
