package dev.vigil.soc.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.soc.hunting.HuntingQueries;
import dev.vigil.soc.hunting.HuntingQuery;
import dev.vigil.workspace.api.KqlQueryException;
import java.util.Optional;

/**
 * Imports one hunting-query file as a saved hunting query: created, or replaced by id when the
 * file's version is newer (or, without versions, its content differs); otherwise left unchanged.
 */
final class HuntingQueryImport {
    private final HuntingQueries queries;

    HuntingQueryImport(HuntingQueries queries) {
        this.queries = queries;
    }

    ImportOutcome importFile(String workspaceId, String file, JsonNode tree) {
        Optional<String> id = SentinelHuntingYaml.id(tree);
        Optional<String> name = SentinelHuntingYaml.name(tree);
        try {
            HuntingQuery query = SentinelHuntingYaml.read(tree);
            Optional<HuntingQuery> existing = queries.find(workspaceId, query.id());
            Optional<String> unchanged = existing.flatMap(installed -> whyUnchanged(installed, query));
            if (unchanged.isPresent()) {
                return outcome(file, query, ImportStatus.Unchanged, unchanged);
            }
            boolean created = queries.save(workspaceId, query);
            return outcome(file, query, created ? ImportStatus.Imported : ImportStatus.Updated, Optional.empty());
        } catch (ContentRefusedException e) {
            return ImportOutcome.refused(file, ContentItemKind.HuntingQuery, id, name, e.refusal());
        } catch (KqlQueryException e) {
            return ImportOutcome.refused(file, ContentItemKind.HuntingQuery, id, name, Refusal.of(e));
        }
    }

    private static Optional<String> whyUnchanged(HuntingQuery installed, HuntingQuery file) {
        if (ContentVersion.comparable(file.version(), installed.version())) {
            return ContentVersion.notNewer(file.version().get(), installed.version().get());
        }
        return installed.equals(file) ? Optional.of("the installed hunting query is the same") : Optional.empty();
    }

    private static ImportOutcome outcome(String file, HuntingQuery query, ImportStatus status, Optional<String> note) {
        return new ImportOutcome(file, ContentItemKind.HuntingQuery, Optional.of(query.id()), Optional.of(query.displayName()), query.version(), status,
                Optional.empty(), note);
    }
}
