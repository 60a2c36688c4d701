package dev.vigil.soc.content;

import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.StateStore;
import java.util.Optional;

/** The versions of imported rules and functions, in the state store. */
final class ImportedVersions {
    static final String COLLECTION = "contentVersions";
    static final String RULE = "alertRule";
    static final String FUNCTION = "function";

    private final DocumentCollection<ImportedVersion> documents;

    ImportedVersions(StateStore state) {
        this.documents = state.collection(COLLECTION, ImportedVersion.class);
    }

    Optional<String> version(String workspaceId, String kind, String id) {
        return documents.get(key(workspaceId, kind, id)).map(ImportedVersion::version);
    }

    /** Records the item's version; an item imported without one keeps no record. */
    void record(String workspaceId, String kind, String id, Optional<String> version) {
        if (version.isPresent()) {
            documents.put(key(workspaceId, kind, id), new ImportedVersion(workspaceId, kind, id, version.get()));
        } else {
            documents.delete(key(workspaceId, kind, id));
        }
    }

    private static String key(String workspaceId, String kind, String id) {
        return workspaceId + "/" + kind + "/" + id;
    }
}
