package dev.vigil.soc.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.workspace.api.FunctionDefinitionException;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.SavedFunction;
import dev.vigil.workspace.api.StateStore;
import dev.vigil.workspace.api.StoredFunctionDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports parsers as stored functions: Sentinel's parser YAML, ASIM's, and the {@code savedSearches}
 * resources of an ARM template that have a function alias. A function is created, or replaced when
 * the file's version is newer (or, without versions, its text differs). Parsers often call each
 * other (a union parser calls a parser per source), so a parser refused for a name it calls is
 * tried again after the others of the same import are saved.
 */
public final class ParserImport {
    private static final String CATEGORY = "Parsers";

    private final LogStore logStore;
    private final ImportedVersions versions;

    public ParserImport(LogStore logStore, StateStore state) {
        this.logStore = logStore;
        this.versions = new ImportedVersions(state);
    }

    /** One outcome per function name, in file order; a file with no parser gets one refusal. */
    public List<ImportOutcome> importFiles(String workspaceId, List<ContentFile> files) {
        Map<String, StoredFunctionDefinition> existing = new HashMap<>();
        logStore.functions(workspaceId).forEach(f -> existing.put(f.name(), f));
        List<Pending> pending = new ArrayList<>();
        List<ImportOutcome> outcomes = new ArrayList<>();
        for (ContentFile file : files) {
            for (Item item : items(file)) {
                int slot = outcomes.size();
                outcomes.add(null);
                pending.add(new Pending(slot, item));
            }
        }
        // save what can be saved; retry those refused for a missing name while a round saves something
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            List<Pending> again = new ArrayList<>();
            for (Pending next : pending) {
                ImportOutcome outcome = importOne(workspaceId, next.item(), existing);
                outcomes.set(next.slot(), outcome);
                if (outcome.status() == ImportStatus.Refused && outcome.refusal().orElseThrow().mayDependOnOtherItems()) {
                    again.add(next);
                }
            }
            progress = again.size() < pending.size();
            pending = again;
        }
        return outcomes;
    }

    /** One function to save, or a refusal for its file. */
    private record Item(String file, Optional<String> name, Optional<StoredFunctionDefinition> function, Optional<String> version,
                        Optional<Refusal> refusal) {
        static Item refused(String file, Optional<String> name, Refusal refusal) {
            return new Item(file, name, Optional.empty(), Optional.empty(), Optional.of(refusal));
        }
    }

    private record Pending(int slot, Item item) {
    }

    private static List<Item> items(ContentFile file) {
        JsonNode tree;
        try {
            tree = ContentFiles.read(file);
        } catch (ContentRefusedException e) {
            return List.of(Item.refused(file.name(), Optional.empty(), e.refusal()));
        }
        return switch (ContentFiles.kindOf(tree)) {
            case PARSER_YAML -> parserItems(file.name(), tree);
            case ARM_TEMPLATE -> templateItems(file.name(), tree);
            case RULE_YAML, SIGMA_YAML -> List.of(Item.refused(file.name(), Optional.empty(), Refusal.of(RefusalReason.WrongKind,
                    "the file is an analytic rule; import it as a rule")));
            case HUNTING_YAML -> List.of(Item.refused(file.name(), Optional.empty(), Refusal.of(RefusalReason.WrongKind,
                    "the file is a hunting query; import it with the rules")));
            case UNKNOWN -> List.of(Item.refused(file.name(), Optional.empty(), Refusal.of(RefusalReason.UnreadableFile,
                    "the file is neither a Sentinel parser (FunctionName, FunctionQuery...) nor an ARM template with savedSearches resources")));
        };
    }

    private static List<Item> parserItems(String file, JsonNode tree) {
        ParserDocument parser;
        try {
            parser = SentinelParserYaml.read(tree);
        } catch (ContentRefusedException e) {
            return List.of(Item.refused(file, SentinelParserYaml.name(tree), e.refusal()));
        }
        List<Item> items = new ArrayList<>();
        for (String name : parser.names()) {
            StoredFunctionDefinition function = new StoredFunctionDefinition(name, parser.parameters(), parser.body(),
                    Optional.of(parser.category().orElse(CATEGORY)), parser.title());
            items.add(new Item(file, Optional.of(name), Optional.of(function), parser.version(), Optional.empty()));
        }
        return items;
    }

    private static List<Item> templateItems(String file, JsonNode template) {
        List<Item> items = new ArrayList<>();
        for (JsonNode resource : ArmTemplate.functionResources(template)) {
            JsonNode properties = resource.path("properties");
            Optional<String> alias = Optional.ofNullable(properties.get("functionAlias")).filter(JsonNode::isTextual).map(JsonNode::asText);
            if (alias.isEmpty()) {
                continue;
            }
            try {
                properties.fields().forEachRemaining(field -> ArmTemplate.refuseExpression(field.getKey(), field.getValue()));
                String parameters = properties.path("functionParameters").asText("").strip();
                StoredFunctionDefinition function = new StoredFunctionDefinition(alias.get(), parameters.isEmpty() ? "" : "(" + parameters + ")",
                        properties.path("query").asText(""), Optional.of(properties.path("category").asText(CATEGORY)),
                        Optional.ofNullable(properties.get("displayName")).map(JsonNode::asText));
                items.add(new Item(file, alias, Optional.of(function), Optional.empty(), Optional.empty()));
            } catch (ContentRefusedException e) {
                items.add(Item.refused(file, alias, e.refusal()));
            }
        }
        if (items.isEmpty()) {
            return List.of(Item.refused(file, Optional.empty(), Refusal.of(RefusalReason.WrongKind,
                    "the ARM template holds no savedSearches resource with a functionAlias")));
        }
        return items;
    }

    private ImportOutcome importOne(String workspaceId, Item item, Map<String, StoredFunctionDefinition> existing) {
        if (item.refusal().isPresent()) {
            return ImportOutcome.refused(item.file(), ContentItemKind.Function, item.name(), item.name(), item.refusal().get());
        }
        StoredFunctionDefinition function = item.function().orElseThrow();
        Optional<String> unchanged = whyUnchanged(workspaceId, function, item.version(), Optional.ofNullable(existing.get(function.name())));
        if (unchanged.isPresent()) {
            return outcome(item, ImportStatus.Unchanged, unchanged);
        }
        try {
            SavedFunction saved = logStore.saveFunction(workspaceId, function);
            existing.put(function.name(), saved.function());
            versions.record(workspaceId, ImportedVersions.FUNCTION, function.name(), item.version());
            return outcome(item, saved.created() ? ImportStatus.Imported : ImportStatus.Updated, Optional.empty());
        } catch (FunctionDefinitionException e) {
            return ImportOutcome.refused(item.file(), ContentItemKind.Function, item.name(), item.name(), Refusal.of(e));
        }
    }

    private Optional<String> whyUnchanged(String workspaceId, StoredFunctionDefinition function, Optional<String> version,
                                          Optional<StoredFunctionDefinition> existing) {
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> installed = versions.version(workspaceId, ImportedVersions.FUNCTION, function.name());
        if (ContentVersion.comparable(version, installed)) {
            return ContentVersion.notNewer(version.get(), installed.get());
        }
        boolean same = existing.get().parameters().equals(function.parameters()) && existing.get().body().equals(function.body());
        return same ? Optional.of("the installed function is the same") : Optional.empty();
    }

    private static ImportOutcome outcome(Item item, ImportStatus status, Optional<String> note) {
        return new ImportOutcome(item.file(), ContentItemKind.Function, item.name(), item.name(), item.version(), status, Optional.empty(), note);
    }
}
