package dev.vigil.soc.playbook.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.automation.json.AutomationRuleJson;
import dev.vigil.soc.automation.store.AutomationRules;
import dev.vigil.soc.playbook.Playbook;
import dev.vigil.soc.playbook.document.PlaybookDocument;
import dev.vigil.soc.playbook.store.Playbooks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The built-in templates, read from the module's resources, and their installation into a workspace. */
public final class PlaybookTemplates {
    private static final List<String> BUILT_IN = List.of("AD4IoT-AutoAlertStatusSync", "AD4IoT-AutoCloseIncidents", "AD4IoT-MailByProductionLine",
            "AD4IoT-NewAssetServiceNowTicket", "AD4IoT-SendEmailtoIoTOwner", "AD4IoT-OwnerSaysExpected", "AD4IoT-OwnerSaysNotExpected",
            "AD4IoT-AutoTriageIncident", "AD4IoT-CVEAutoWorkflow");

    private final List<PlaybookTemplate> templates;

    private PlaybookTemplates(List<PlaybookTemplate> templates) {
        this.templates = List.copyOf(templates);
    }

    public static PlaybookTemplates builtIn() {
        return new PlaybookTemplates(BUILT_IN.stream().map(PlaybookTemplates::read).toList());
    }

    public List<PlaybookTemplate> list() {
        return templates;
    }

    public PlaybookTemplate get(String name) {
        return templates.stream().filter(template -> template.name().equals(name)).findFirst()
                .orElseThrow(() -> new PlaybookTemplateNotFoundException(name));
    }

    /**
     * Saves the template's playbook in the workspace under {@code name} (a new version if it exists) and, when the
     * template has one, its automation rule of the same id, disabled, running that playbook.
     */
    public InstalledTemplate install(String workspaceId, String templateName, String name, Playbooks playbooks, AutomationRules rules, String user) {
        PlaybookTemplate template = get(templateName);
        Playbook playbook = playbooks.save(workspaceId, name, template.playbook(), Optional.empty(), user).playbook();
        if (template.automationRule().isEmpty()) {
            return new InstalledTemplate(playbook, Optional.empty());
        }
        JsonNode rule = template.automationRule().get();
        ObjectNode logic = JsonNodeFactory.instance.objectNode();
        logic.put("isEnabled", false);
        logic.put("triggersOn", "Incidents");
        logic.put("triggersWhen", rule.path("triggersWhen").asText("Created"));
        logic.set("conditions", rule.path("conditions").isMissingNode() ? JsonNodeFactory.instance.arrayNode() : rule.get("conditions"));
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        properties.put("displayName", rule.path("displayName").asText(template.displayName()));
        properties.put("order", rule.path("order").asInt(1000));
        properties.set("triggeringLogic", logic);
        ObjectNode action = properties.putArray("actions").addObject();
        action.put("order", 1);
        action.put("actionType", "RunPlaybook");
        action.putObject("actionConfiguration").put("logicAppResourceId", "/workspaces/" + workspaceId + "/playbooks/" + name);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("properties", properties);
        return new InstalledTemplate(playbook, Optional.of(rules.save(workspaceId, name, AutomationRuleJson.read(body), Optional.empty(), user).rule()));
    }

    private static PlaybookTemplate read(String name) {
        String resource = name + ".yaml";
        try (InputStream in = PlaybookTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the built-in playbook template " + resource + " is missing from the module");
            }
            JsonNode file = PlaybookDocument.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), true);
            JsonNode about = file.path("template");
            return new PlaybookTemplate(name, about.path("displayName").asText(name), about.path("description").asText(""), file.get("playbook"),
                    Optional.ofNullable(about.get("automationRule")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in playbook template " + resource, e);
        }
    }
}
