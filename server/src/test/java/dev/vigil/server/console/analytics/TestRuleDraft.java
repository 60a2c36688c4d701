package dev.vigil.server.console.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.soc.rule.AlertRuleKind;
import dev.vigil.soc.rule.InvalidAlertRuleException;
import dev.vigil.soc.rule.QueryRuleProperties;
import dev.vigil.soc.rule.ScheduledRuleProperties;
import dev.vigil.soc.rule.template.AlertRuleTemplate;
import dev.vigil.soc.rule.template.AlertRuleTemplates;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wizard's form model: a rule shown in the form and saved again is the same rule; the form's rows; refusals naming the property. */
class TestRuleDraft {

    @Test
    void testEveryQueryTemplateShownInTheWizardAndSavedIsTheSameRule() {
        AlertRuleTemplates templates = AlertRuleTemplates.builtIn();
        List<AlertRuleTemplate> queryTemplates = templates.list().stream().filter(t -> t.properties() instanceof QueryRuleProperties).toList();
        assertThat(queryTemplates).isNotEmpty();
        for (AlertRuleTemplate template : queryTemplates) {
            QueryRuleProperties rule = (QueryRuleProperties) templates.ruleFrom(template.id(), true);
            assertThat(RuleDraft.of(rule).toProperties()).as(template.properties().displayName()).isEqualTo(rule);
        }
    }

    @Test
    void testTheFormsRowsAndDurationsBecomeTheRule() {
        Map<String, List<String>> form = new HashMap<>();
        form.put("kind", List.of("Scheduled"));
        form.put("name", List.of(" Logins "));
        form.put("severity", List.of("High"));
        form.put("query", List.of("SecurityAlert"));
        form.put("frequencyAmount", List.of("90"));
        form.put("frequencyUnit", List.of("Minutes"));
        form.put("periodAmount", List.of("2"));
        form.put("periodUnit", List.of("Days"));
        form.put("triggerOperator", List.of("LessThan"));
        form.put("triggerThreshold", List.of("3"));
        form.put("techniques", List.of("T0806, T1110.001"));
        form.put("entity.0.type", List.of("IoTDevice"));
        form.put("entity.0.field.0.identifier", List.of("DeviceId"));
        form.put("entity.0.field.0.column", List.of("CompromisedEntity"));
        form.put("detail.0.name", List.of("Device"));
        form.put("detail.0.column", List.of("CompromisedEntity"));
        form.put("detail.1.name", List.of(""));
        form.put("detail.1.column", List.of(""));

        ScheduledRuleProperties rule = (ScheduledRuleProperties) RuleDraft.fromForm(form).toProperties();

        assertThat(rule.displayName()).isEqualTo("Logins");
        assertThat(rule.enabled()).isFalse();
        assertThat(rule.schedule().queryFrequency()).isEqualTo(Duration.ofMinutes(90));
        assertThat(rule.schedule().queryPeriod()).isEqualTo(Duration.ofDays(2));
        assertThat(rule.schedule().triggerThreshold()).isEqualTo(3);
        assertThat(rule.detection().techniques()).containsExactly("T0806", "T1110.001");
        assertThat(rule.detection().entityMappings()).hasSize(1);
        assertThat(rule.detection().customDetails()).containsExactly(Map.entry("Device", "CompromisedEntity"));
        assertThat(DurationField.of(Duration.ofMinutes(90))).isEqualTo(new DurationField("90", "Minutes"));
        assertThat(DurationField.of(Duration.ofHours(48))).isEqualTo(new DurationField("2", "Days"));
    }

    @Test
    void testRowButtonsAddAndRemoveRows() {
        RuleDraft draft = RuleDraft.blank(AlertRuleKind.NRT).apply("addEntity").apply("addIdentifier:0").apply("addIdentifier:0").apply("addIdentifier:0");
        assertThat(draft.entities()).hasSize(1);
        assertThat(draft.entities().get(0).identifiers()).as("at most 3 identifiers").hasSize(3);

        RuleDraft fewer = draft.apply("removeIdentifier:0:1").apply("addDetail").apply("removeEntity:0").apply("removeDetail:7");

        assertThat(fewer.entities()).isEmpty();
        assertThat(fewer.customDetails()).hasSize(1);
    }

    @Test
    void testAWrongValueIsRefusedNamingItsProperty() {
        RuleDraft draft = RuleDraft.blank(AlertRuleKind.SCHEDULED);
        Map<String, List<String>> form = new HashMap<>();
        form.put("kind", List.of("Scheduled"));
        form.put("name", List.of("Rule"));
        form.put("severity", List.of("High"));
        form.put("query", List.of("SecurityAlert"));
        form.put("frequencyAmount", List.of("five"));
        form.put("frequencyUnit", List.of("Minutes"));

        assertThatThrownBy(() -> RuleDraft.fromForm(form).toProperties()).isInstanceOfSatisfying(InvalidAlertRuleException.class,
                e -> assertThat(e.property()).isEqualTo("properties.queryFrequency")).hasMessage("properties.queryFrequency: 'five' is not a whole number of minutes");
        assertThatThrownBy(draft::toProperties).isInstanceOfSatisfying(InvalidAlertRuleException.class,
                e -> assertThat(e.property()).isEqualTo("properties.displayName"));
    }
}
