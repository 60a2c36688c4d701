package dev.vigil.soc.rule;

import java.time.Instant;
import java.util.Objects;

/**
 * An analytics rule of a workspace as saved.
 *
 * @param etag changes at every save; a write that names another etag is refused
 * @param activeSinceUtc when the rule was last enabled or its schedule changed: a scheduled rule's
 *     first run after that is due at this instant
 * @param activeSinceBatch the workspace's newest ingestion batch at that moment: a near-real-time
 *     rule reads the rows of later batches only
 */
public record AlertRule(String workspaceId, String id, String etag, Instant lastModifiedUtc, Instant activeSinceUtc, long activeSinceBatch,
        AlertRuleProperties properties) {
    public AlertRule {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModifiedUtc, "lastModifiedUtc");
        Objects.requireNonNull(activeSinceUtc, "activeSinceUtc");
        Objects.requireNonNull(properties, "properties");
    }

    public AlertRuleKind kind() {
        return properties.kind();
    }

    public boolean enabled() {
        return properties.enabled();
    }

    public String displayName() {
        return properties.displayName();
    }

    /**
     * The name of the rule's checkpoint. The kind is part of it because the position means
     * something else per kind (a scheduled time, an ingestion batch): a rule deleted and saved
     * again under the same id with another kind must not resume from the old one's position.
     */
    public String checkpointConsumer() {
        return "rule/" + workspaceId + "/" + id + "/" + kind().armName();
    }
}
