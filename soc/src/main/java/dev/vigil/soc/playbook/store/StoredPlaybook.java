package dev.vigil.soc.playbook.store;

import java.time.Instant;
import java.util.Map;

/**
 * One version of a playbook as the state store keeps it.
 *
 * @param document the document without secret values, as JSON text
 * @param secrets each secret's value, encrypted ({@link SecretBox})
 * @param source the content pack file that created the playbook ({@code pack/Playbooks/name.yaml}), kept by later saves;
 *     null for one created otherwise (and in versions stored before packs recorded it)
 */
public record StoredPlaybook(String workspaceId, String name, long version, String document, Map<String, String> secrets, Instant createdTimeUtc,
        Instant lastModifiedTimeUtc, String createdBy, String lastModifiedBy, boolean deleted,
        String source) {
}
