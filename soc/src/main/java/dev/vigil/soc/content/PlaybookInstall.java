package dev.vigil.soc.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.playbook.InvalidPlaybookException;
import dev.vigil.soc.playbook.Playbook;
import dev.vigil.soc.playbook.document.ParsedPlaybook;
import dev.vigil.soc.playbook.document.PlaybookDocument;
import dev.vigil.soc.playbook.store.Playbooks;
import dev.vigil.soc.playbook.store.SavedPlaybook;
import dev.vigil.workspace.api.LogStore;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Installs a pack's playbook written as Vigil's playbook document (YAML or JSON: {@code description},
 * {@code triggers}, {@code steps}, ...), named after its file, checked against the workspace as a
 * save through the API is. Installed again, it is unchanged when its document and secrets are the
 * ones saved, and a new version otherwise; a playbook of that name that the same file of the same pack
 * did not create (one saved by hand, or by another pack) is kept, and the file refused, unless it has no recorded source
 * and is the file's document exactly (a pack installed it before sources were recorded): then the file is recorded as its source. A Logic App (what Sentinel's solutions ship in
 * {@code Playbooks/<name>/azuredeploy.json}) is refused: it runs on Azure's Logic Apps engine.
 */
final class PlaybookInstall {
    static final String LOGIC_APP_REFUSAL = "is a Logic App (an ARM template of Microsoft.Logic/workflows), which runs on Azure's Logic Apps"
            + " engine; Vigil runs playbooks written as its own YAML or JSON document (description, triggers, variables, secrets, steps such as"
            + " http, email, updateIncident, addComment, query, watchlistLookup, disableDevice: docs/playbooks.md). Write the Logic App's"
            + " steps as one to install it";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Playbooks playbooks;
    private final LogStore logStore;

    PlaybookInstall(Playbooks playbooks, LogStore logStore) {
        this.playbooks = playbooks;
        this.logStore = logStore;
    }

    ImportOutcome install(String workspaceId, String pack, ContentFile file, String user) {
        PackPath path = new PackPath(file.name());
        Optional<String> name = path.resourceName();
        try {
            String playbookName = name.orElseThrow(() -> new ContentRefusedException(RefusalReason.InvalidValue, "the file's name '" + path.stem()
                    + "' leaves no playbook name: name the file with letters or digits"));
            JsonNode document = document(file, path);
            Optional<Playbook> existing = playbooks.find(workspaceId, playbookName);
            String source = pack + "/" + file.name().replace('\\', '/');
            Optional<String> installedFrom = playbooks.source(workspaceId, playbookName);
            if (existing.isPresent() && installedFrom.isEmpty() && same(existing.get(), PlaybookDocument.read(document, workspaceId, logStore))) {
                // installed by a pack before sources were recorded: the same document is this file's, so it is recorded as such
                playbooks.recordSource(workspaceId, playbookName, source);
                return outcome(file, playbookName, ImportStatus.Unchanged, Optional.of("the installed playbook (version " + existing.get().version()
                        + ") is the same; recorded as installed from this file"));
            }
            if (existing.isPresent() && !installedFrom.equals(Optional.of(source))) {
                String origin = installedFrom.map(other -> "from " + other).orElse("saved by " + existing.get().createdBy());
                throw new ContentRefusedException(RefusalReason.NameTaken, "workspace '" + workspaceId + "' has a playbook '" + playbookName + "' ("
                        + origin + ") that this file did not install; it is kept: rename the file or delete that playbook to install this one");
            }
            if (existing.isPresent() && same(existing.get(), PlaybookDocument.read(document, workspaceId, logStore))) {
                return outcome(file, playbookName, ImportStatus.Unchanged, Optional.of("the installed playbook (version " + existing.get().version()
                        + ") is the same"));
            }
            SavedPlaybook saved = playbooks.save(workspaceId, playbookName, document, Optional.empty(), user, Optional.of(source));
            return outcome(file, playbookName, saved.created() ? ImportStatus.Imported : ImportStatus.Updated, Optional.empty());
        } catch (ContentRefusedException e) {
            return ImportOutcome.refused(file.name(), ContentItemKind.Playbook, name, name, e.refusal());
        } catch (InvalidPlaybookException e) {
            return ImportOutcome.refused(file.name(), ContentItemKind.Playbook, name, name,
                    Refusal.of(RefusalReason.InvalidValue, "the playbook is not valid: " + e.getMessage()));
        }
    }

    /** The playbook document of the file; what the API's GET answers ({@code {"definition": {...}}}) is taken too. */
    private static JsonNode document(ContentFile file, PackPath path) {
        JsonNode tree;
        try {
            tree = PlaybookDocument.parse(file.text(), path.isYaml());
        } catch (InvalidPlaybookException e) {
            throw new ContentRefusedException(RefusalReason.UnreadableFile, "the file " + e.getMessage().replaceFirst("^playbook: ", ""));
        }
        if (isLogicApp(tree)) {
            throw new ContentRefusedException(RefusalReason.UnsupportedFormat, "the file " + LOGIC_APP_REFUSAL);
        }
        if (tree.has("resources")) {
            throw new ContentRefusedException(RefusalReason.UnsupportedFormat, "the file is an ARM template; Vigil's playbooks are not ARM resources"
                    + " but its own YAML or JSON document (description, triggers, steps: docs/playbooks.md)");
        }
        return tree.isObject() && tree.has("definition") && !tree.has("steps") ? tree.get("definition") : tree;
    }

    /** An ARM template with a {@code Microsoft.Logic/workflows} resource, or a bare workflow definition (its {@code $schema} is Logic Apps'). */
    private static boolean isLogicApp(JsonNode tree) {
        for (JsonNode resource : tree.path("resources")) {
            if (resource.path("type").asText("").toLowerCase(Locale.ROOT).startsWith("microsoft.logic/")) {
                return true;
            }
        }
        String schema = tree.path("definition").path("$schema").asText(tree.path("$schema").asText(""));
        return schema.toLowerCase(Locale.ROOT).contains("microsoft.logic");
    }

    /** Whether saving would change nothing: the same document (secret values aside), and each secret it gives a value holds that value. */
    private boolean same(Playbook installed, ParsedPlaybook file) {
        if (!normalized(installed.definition().document()).equals(normalized(file.definition().document()))) {
            return false;
        }
        Map<String, String> secrets = file.secretValues().values().stream().anyMatch(Optional::isPresent) ? playbooks.secrets(installed) : Map.of();
        return file.secretValues().entrySet().stream()
                .allMatch(secret -> secret.getValue().isEmpty() || secret.getValue().get().equals(secrets.get(secret.getKey())));
    }

    /** The document as JSON reads it back, so that a YAML file's numbers compare with the saved JSON's. */
    private static JsonNode normalized(JsonNode document) {
        try {
            return JSON.readTree(document.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a playbook document does not read back as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ImportOutcome outcome(ContentFile file, String name, ImportStatus status, Optional<String> note) {
        return new ImportOutcome(file.name(), ContentItemKind.Playbook, Optional.of(name), Optional.of(name), Optional.empty(), status, Optional.empty(),
                note);
    }
}
