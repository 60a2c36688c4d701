package dev.vigil.server.console.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.automation.AutomationRuleDefinition;
import dev.vigil.soc.automation.InvalidAutomationRuleException;
import dev.vigil.soc.automation.json.AutomationRuleJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule form's fields made into the API's rule body, read by the API's own reader, and the form's row changes. */
class TestRuleFormBody {
    private static final String CONDITION = "properties.triggeringLogic.conditions[0]";
    private static final String ACTION = "properties.actions[0]";

    private static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("properties.displayName", List.of("Tag PLC changes"));
        form.put("properties.order", List.of("4"));
        form.put("properties.triggeringLogic.isEnabled", List.of("true"));
        form.put("properties.triggeringLogic.triggersOn", List.of("Incidents"));
        form.put("properties.triggeringLogic.triggersWhen", List.of("Updated"));
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], List.of(pairs[i + 1]));
        }
        return form;
    }

    @Test
    void testChangedAtAllIsChangedToWithoutOperatorAndStaleMembersOfAnotherTypeAreDropped() {
        ObjectNode body = RuleFormBody.fromForm(form(
                CONDITION + ".conditionType", "PropertyChanged",
                CONDITION + ".conditionProperties.propertyName", "IncidentStatus",
                CONDITION + ".conditionProperties.changeType", "Changed",
                CONDITION + ".conditionProperties.operator", "Equals",
                CONDITION + ".conditionProperties.propertyValues", "Active",
                CONDITION + ".conditionProperties.arrayType", "Labels",
                ACTION + ".actionType", "ModifyProperties",
                ACTION + ".actionConfiguration.status", "Active",
                ACTION + ".actionConfiguration.classification", "BenignPositive",
                ACTION + ".actionConfiguration.labels", "plc\n\n  change \n",
                ACTION + ".actionConfiguration.title", "left from AddIncidentTask"));

        JsonNode condition = body.at("/properties/triggeringLogic/conditions/0/conditionProperties");
        assertThat(condition.path("changeType").asText()).isEqualTo("ChangedTo");
        assertThat(condition.has("operator")).isFalse();
        assertThat(condition.has("arrayType")).isFalse();
        JsonNode config = body.at("/properties/actions/0/actionConfiguration");
        assertThat(config.has("classification")).as("a classification is only for Closed").isFalse();
        assertThat(config.has("title")).isFalse();
        assertThat(config.path("labels")).extracting(label -> label.path("labelName").asText()).containsExactly("plc", "change");
        AutomationRuleDefinition read = AutomationRuleJson.read(body);
        assertThat(read.order()).isEqualTo(4);
        assertThat(read.triggeringLogic().isEnabled()).isTrue();
        assertThat(read.actions().get(0).order()).isEqualTo(1);
    }

    @Test
    void testWhatTheFormCannotTakeIsKeptForTheApiToRefuseAtItsPath() {
        ObjectNode body = RuleFormBody.fromForm(form(
                "properties.order", "fourth",
                ACTION + ".actionType", "AddIncidentTask",
                ACTION + ".actionConfiguration.title", "Check"));
        assertThatThrownBy(() -> AutomationRuleJson.read(body)).isInstanceOfSatisfying(InvalidAutomationRuleException.class,
                e -> assertThat(e.path()).isEqualTo("properties.order"));

        ObjectNode unnamed = RuleFormBody.fromForm(form(
                CONDITION + ".conditionType", "Property",
                CONDITION + ".conditionProperties.propertyName", "IncidentTitle",
                CONDITION + ".conditionProperties.operator", "Contains",
                CONDITION + ".conditionProperties.propertyValues", " ",
                ACTION + ".actionType", "AddIncidentTask",
                ACTION + ".actionConfiguration.title", "Check"));
        assertThatThrownBy(() -> AutomationRuleJson.read(unnamed)).isInstanceOfSatisfying(InvalidAutomationRuleException.class,
                e -> assertThat(e.path()).isEqualTo(CONDITION + ".conditionProperties.propertyValues"));
    }

    @Test
    void testRowsAreAddedGroupedMovedAndRemovedAndActionsNumberedByPosition() {
        ObjectNode body = RuleFormBody.fromForm(form(
                ACTION + ".actionType", "AddIncidentTask",
                ACTION + ".actionConfiguration.title", "First"));

        RuleFormBody.apply(body, "addGroup:" + RuleFormBody.CONDITIONS);
        RuleFormBody.apply(body, "addCondition:" + CONDITION + ".conditionProperties.innerConditions");
        RuleFormBody.apply(body, "addAction:RunPlaybook");
        RuleFormBody.apply(body, "up:properties.actions[1]");
        RuleFormBody.apply(body, "remove:" + CONDITION + ".conditionProperties.innerConditions[0]");
        RuleFormBody.apply(body, "addAction:NoSuchAction");
        RuleFormBody.apply(body, "remove:properties.actions[7]");

        JsonNode group = body.at("/properties/triggeringLogic/conditions/0");
        assertThat(group.path("conditionType").asText()).isEqualTo("Boolean");
        assertThat(group.at("/conditionProperties/innerConditions")).hasSize(2);
        JsonNode actions = body.at("/properties/actions");
        assertThat(actions).extracting(action -> action.path("actionType").asText()).containsExactly("RunPlaybook", "AddIncidentTask");
        assertThat(actions).extracting(action -> action.path("order").asInt()).containsExactly(1, 2);
    }
}
