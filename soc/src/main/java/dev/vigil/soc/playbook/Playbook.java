package dev.vigil.soc.playbook;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a workspace's playbook. Every save makes a new version; runs name the version
 * they run, and a run resumed after a restart runs the same one.
 */
public record Playbook(String workspaceId, String name, long version, PlaybookDefinition definition, Instant createdTimeUtc,
        Instant lastModifiedTimeUtc, String createdBy, String lastModifiedBy) {
    public Playbook {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}
