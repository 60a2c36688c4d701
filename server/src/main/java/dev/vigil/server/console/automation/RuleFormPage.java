package dev.vigil.server.console.automation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.console.Permit;
import dev.vigil.server.console.analytics.FieldError;
import dev.vigil.server.console.analytics.Option;
import dev.vigil.server.console.layout.Shell;
import dev.vigil.soc.automation.ChangedArray;
import dev.vigil.soc.automation.ChangedProperty;
import dev.vigil.soc.automation.ConditionOperator;
import dev.vigil.soc.automation.IncidentProperty;
import dev.vigil.soc.incident.Classification;
import dev.vigil.soc.incident.ClassificationReason;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.IncidentStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The automation rule form: a new or saved rule's name, order, trigger, expiration, conditions
 * (boolean groups nested) and actions in order, each field named by the JSON path it sets (see
 * {@link RuleFormBody}), with the refusal of the last save beside the field it names.
 *
 * @param ruleId empty for a new rule; {@code typedId} is the id typed for one
 * @param etag the version edited; empty for a new rule
 * @param saveAction where the form saves; {@code refreshAction} re-renders it after a row is added, removed or moved or a type chosen
 */
public record RuleFormPage(Shell shell, AutomationTabs tabs, String heading, Optional<String> ruleId, String typedId, String etag,
        String displayName, String order, boolean enabled, String expiration, String triggersOn, String triggersWhen,
        List<ConditionRow> conditions, List<ActionRow> actions, List<String> playbooks, Optional<FieldError> error, Optional<String> saved,
        Permit permit, String saveAction, String refreshAction, String jsonHref, String backHref) {
    static final int MOST_NESTING = 4;
    public static final List<String> CONDITION_TYPES = List.of("Property", "PropertyChanged", "PropertyArrayChanged", "Boolean");
    public static final List<String> ACTION_TYPES = List.of("ModifyProperties", "AddIncidentTask", "RunPlaybook");

    public RuleFormPage {
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
        playbooks = List.copyOf(playbooks);
    }

    /** The form showing a rule body: a saved rule as the API writes it, or the fields as last posted. */
    static RuleFormPage of(JsonNode body, Shell shell, AutomationTabs tabs, String heading, Optional<String> ruleId, String typedId, String etag,
            List<String> playbooks, Optional<FieldError> error, Optional<String> saved, Permit permit, String saveAction, String refreshAction,
            String jsonHref, String backHref) {
        JsonNode properties = body.path("properties");
        JsonNode logic = properties.path("triggeringLogic");
        List<ConditionRow> conditions = new ArrayList<>();
        JsonNode conditionNodes = logic.path("conditions");
        for (int i = 0; i < conditionNodes.size(); i++) {
            conditions.add(ConditionRow.of(conditionNodes.get(i), RuleFormBody.CONDITIONS + "[" + i + "]", 1));
        }
        List<ActionRow> actions = new ArrayList<>();
        JsonNode actionNodes = properties.path("actions");
        for (int i = 0; i < actionNodes.size(); i++) {
            actions.add(ActionRow.of(actionNodes.get(i), RuleFormBody.ACTIONS + "[" + i + "]", i));
        }
        return new RuleFormPage(shell, tabs, heading, ruleId, typedId, etag, properties.path("displayName").asText(""),
                properties.path("order").asText("1"), logic.path("isEnabled").asBoolean(false),
                RuleFormBody.localTime(logic.path("expirationTimeUtc").asText("")), logic.path("triggersOn").asText("Incidents"),
                logic.path("triggersWhen").asText("Created"), conditions, actions, playbooks, error, saved, permit, saveAction, refreshAction,
                jsonHref, backHref);
    }

    public boolean onAlerts() {
        return triggersOn.equals("Alerts");
    }

    public boolean locked() {
        return !permit.allowed();
    }

    /** The refusal's message when it is about this member exactly. */
    public Optional<String> errorAt(String path) {
        return error.filter(e -> e.at(path)).map(FieldError::message);
    }

    /** A refusal about the condition as a whole (its type, or members that no field shows), for beside it. */
    public Optional<String> errorOf(ConditionRow row) {
        return Stream.of(row.path(), row.path() + ".conditionType", row.path() + ".conditionProperties", row.field("changeType"))
                .map(this::errorAt).flatMap(Optional::stream).findFirst()
                .filter(message -> !row.type().equals("PropertyChanged") || !error.get().at(row.field("changeType")));
    }

    /** A refusal about the action as a whole (its type, order or configuration), for beside it. */
    public Optional<String> errorOf(ActionRow row) {
        return Stream.of(row.path(), row.path() + ".actionType", row.path() + ".order", row.path() + ".actionConfiguration",
                row.field("owner")).map(this::errorAt).flatMap(Optional::stream).findFirst();
    }

    /** {@code aria-invalid} of a member's field: "true" when the refusal is about it or a member inside it. */
    public String invalid(String path) {
        return error.filter(e -> e.under(path)).isPresent() ? "true" : null;
    }

    public List<Option> triggersOnOptions() {
        return options(List.of("Incidents", "Alerts"), triggersOn);
    }

    public List<Option> triggersWhenOptions() {
        return options(onAlerts() ? List.of("Created") : List.of("Created", "Updated"), triggersWhen);
    }

    public List<Option> conditionTypeOptions(ConditionRow row) {
        List<String> types = onAlerts() || triggersWhen.equals("Created") ? List.of("Property", "Boolean") : CONDITION_TYPES;
        return options(types, row.type());
    }

    /** The properties a condition can test: an alert's own for a rule triggered by alerts; those a change can be watched on for PropertyChanged. */
    public List<Option> propertyOptions(ConditionRow row) {
        Stream<String> names = row.type().equals("PropertyChanged") ? Arrays.stream(ChangedProperty.values()).map(Enum::name)
                : Arrays.stream(IncidentProperty.values()).filter(property -> !onAlerts() || property.appliesToAlerts()).map(Enum::name);
        return options(names.toList(), row.propertyName());
    }

    public List<Option> operatorOptions(ConditionRow row) {
        return options(Arrays.stream(ConditionOperator.values()).map(Enum::name).toList(), row.operator());
    }

    public List<Option> groupOperatorOptions(ConditionRow row) {
        return options(List.of("And", "Or"), row.operator());
    }

    public List<Option> changeTypeOptions(ConditionRow row) {
        return options(List.of("Changed", "ChangedTo", "ChangedFrom"), row.changeType());
    }

    public List<Option> arrayTypeOptions(ConditionRow row) {
        return options(Arrays.stream(ChangedArray.values()).map(Enum::name).toList(), row.arrayType());
    }

    public List<Option> statusOptions(ActionRow row) {
        return optional(Arrays.stream(IncidentStatus.values()).map(IncidentStatus::sentinelName).toList(), row.status(), "Unchanged");
    }

    public List<Option> severityOptions(ActionRow row) {
        return optional(Arrays.stream(IncidentSeverity.values()).map(IncidentSeverity::sentinelName).toList(), row.severity(), "Unchanged");
    }

    public List<Option> classificationOptions(ActionRow row) {
        return optional(Arrays.stream(Classification.values()).map(Classification::sentinelName).toList(), row.classification(), "Choose");
    }

    public List<Option> reasonOptions(ActionRow row) {
        return optional(Arrays.stream(ClassificationReason.values()).map(ClassificationReason::sentinelName).toList(), row.classificationReason(),
                "None");
    }

    /** The workspace's playbooks, and the one the action names even if it is gone (so that the save names it). */
    public List<Option> playbookOptions(ActionRow row) {
        List<String> names = new ArrayList<>(playbooks);
        if (!row.playbook().isEmpty() && !names.contains(row.playbook())) {
            names.add(row.playbook());
        }
        return optional(names, row.playbook(), "Choose a playbook");
    }

    private static List<Option> options(List<String> values, String selected) {
        List<Option> options = new ArrayList<>(values.stream().map(value -> new Option(value, value, value.equals(selected))).toList());
        if (!selected.isEmpty() && !values.contains(selected)) {
            // kept as it is, for the save to refuse with its path rather than the form changing it quietly
            options.add(new Option(selected, selected + " (not available here)", true));
        }
        return options;
    }

    private static List<Option> optional(List<String> values, String selected, String none) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", none, selected.isEmpty()));
        values.forEach(value -> options.add(new Option(value, value, value.equals(selected))));
        return options;
    }

    /**
     * A condition of the form, at its JSON path; a Boolean one holds its inner conditions.
     *
     * @param values the property values, one per line
     */
    public record ConditionRow(String path, int depth, String type, String propertyName, String operator, String changeType, String values,
            String arrayType, List<ConditionRow> inner) {
        public ConditionRow {
            inner = List.copyOf(inner);
        }

        static ConditionRow of(JsonNode condition, String path, int depth) {
            JsonNode properties = condition.path("conditionProperties");
            String type = condition.path("conditionType").asText("");
            List<ConditionRow> inner = new ArrayList<>();
            JsonNode innerNodes = properties.path("innerConditions");
            for (int i = 0; i < innerNodes.size(); i++) {
                inner.add(of(innerNodes.get(i), path + ".conditionProperties.innerConditions[" + i + "]", depth + 1));
            }
            String changeType = properties.path("changeType").asText("");
            if (type.equals("PropertyChanged") && changeType.equals("ChangedTo") && !properties.has("operator")) {
                changeType = "Changed";
            }
            List<String> values = new ArrayList<>();
            properties.path("propertyValues").forEach(value -> values.add(value.asText()));
            return new ConditionRow(path, depth, type, properties.path("propertyName").asText(""), properties.path("operator").asText(""),
                    changeType, String.join("\n", values), properties.path("arrayType").asText(""), inner);
        }

        /** The member's field name: its JSON path. */
        public String field(String member) {
            return path + ".conditionProperties." + member;
        }

        /** An HTML id made of the path. */
        public String id() {
            return "cond" + path.substring(RuleFormBody.CONDITIONS.length()).replaceAll("[^0-9]+", "-").replaceAll("-$", "");
        }

        /** Its place for people: {@code 3.1} is the first condition of the third one (a group), counted from 1. */
        public String number() {
            return Arrays.stream(id().substring("cond-".length()).split("-")).map(index -> Integer.toString(Integer.parseInt(index) + 1))
                    .collect(Collectors.joining("."));
        }

        public String innerPath() {
            return path + ".conditionProperties.innerConditions";
        }

        public boolean mayNest() {
            return depth < MOST_NESTING;
        }

        public boolean isBoolean() {
            return type.equals("Boolean");
        }

        public boolean comparesValues() {
            return type.equals("Property") || (type.equals("PropertyChanged") && !changeType.equals("Changed"));
        }
    }

    /** An action of the form, at its JSON path; its order is its position. */
    public record ActionRow(String path, int position, String type, String status, String classification, String classificationReason,
            String classificationComment, String severity, String ownerAssignedTo, String ownerEmail, String labels, String title,
            String description, String playbook) {

        static ActionRow of(JsonNode action, String path, int position) {
            JsonNode config = action.path("actionConfiguration");
            List<String> labels = new ArrayList<>();
            config.path("labels").forEach(label -> labels.add(label.path("labelName").asText(label.asText())));
            String resource = config.path("logicAppResourceId").asText("");
            return new ActionRow(path, position, action.path("actionType").asText(""), config.path("status").asText(""),
                    config.path("classification").asText(""), config.path("classificationReason").asText(""),
                    config.path("classificationComment").asText(""), config.path("severity").asText(""),
                    config.path("owner").path("assignedTo").asText(""), config.path("owner").path("email").asText(""), String.join("\n", labels),
                    config.path("title").asText(""), config.path("description").asText(""), resource.substring(resource.lastIndexOf('/') + 1));
        }

        public String field(String member) {
            return path + ".actionConfiguration." + member;
        }

        public String id() {
            return "action-" + position;
        }

        public boolean closes() {
            return status.equals("Closed");
        }
    }
}
