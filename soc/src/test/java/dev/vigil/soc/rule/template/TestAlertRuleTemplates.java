package dev.vigil.soc.rule.template;

import static org.assertj.core.api.Assertions.assertThat;
import dev.vigil.soc.rule.AlertSeverity;
import java.util.List;
import java.util.Optional;

import dev.vigil.soc.rule.AlertRuleKind;
import dev.vigil.soc.rule.IncidentCreationRuleProperties;
import dev.vigil.soc.rule.ScheduledRuleProperties;
import dev.vigil.soc.rule.json.AlertRuleJson;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestAlertRuleTemplates {
    private final AlertRuleTemplates gallery = AlertRuleTemplates.builtIn();

    @TempDir
    Path data;

    @Test
    void testGalleryHoldsTheIotIncidentCreationRuleAndFifteenScheduledIotOtRules() {
        assertThat(gallery.list()).hasSize(16);
        IncidentCreationRuleProperties incidents = (IncidentCreationRuleProperties) gallery.get(AlertRuleTemplates.IOT_INCIDENT_CREATION).properties();
        assertThat(incidents.displayName()).isEqualTo("Create incidents based on Azure Defender for IOT alerts");
        assertThat(incidents.productFilter()).isEqualTo("Azure Security Center for IoT");
        assertThat(gallery.list().stream().filter(t -> t.kind() == AlertRuleKind.SCHEDULED)).hasSize(15);
        ScheduledRuleProperties logins = (ScheduledRuleProperties) gallery.list().stream()
                .filter(t -> t.source().equals("IoTExcessiveLoginAttempts")).findFirst().orElseThrow().properties();
        assertThat(logins.detection().severity().name()).isEqualTo("High");
        assertThat(logins.schedule().queryFrequency()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void testEveryTemplateMakesARuleThatSavesInAFreshWorkspace() {
        try (Storage storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry())) {
            storage.logStore().createWorkspace("w");
            AlertRules rules = AlertRules.open(storage.logStore(), storage.stateStore(), Clock.systemUTC());
            for (AlertRuleTemplate template : gallery.list()) {
                var saved = rules.save("w", template.source().replace(' ', '-'), gallery.ruleFrom(template.id(), true), Optional.empty());
                assertThat(saved.rule().properties().alertRuleTemplateName()).contains(template.id());
            }
            assertThat(rules.list("w")).hasSize(16);
        }
    }

    @Test
    void testSwitchMakesTheRuleOnceAndTurnsItOffAndOnKeepingEdits() {
        try (Storage storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry())) {
            storage.logStore().createWorkspace("w");
            AlertRules rules = AlertRules.open(storage.logStore(), storage.stateStore(), Clock.systemUTC());
            TemplateRuleSwitch toggle = new TemplateRuleSwitch(rules, gallery);
            toggle.enable("w", AlertRuleTemplates.IOT_INCIDENT_CREATION);
            toggle.enable("w", AlertRuleTemplates.IOT_INCIDENT_CREATION);
            assertThat(rules.list("w")).singleElement().satisfies(rule -> assertThat(rule.enabled()).isTrue());

            IncidentCreationRuleProperties made = (IncidentCreationRuleProperties) rules.list("w").get(0).properties();
            rules.save("w", AlertRuleTemplates.IOT_INCIDENT_CREATION, new IncidentCreationRuleProperties(made.displayName(), made.description(), true,
                    made.alertRuleTemplateName(), made.productFilter(), List.of(AlertSeverity.High), List.of(),
                    List.of()), Optional.empty());
            toggle.disable("w", AlertRuleTemplates.IOT_INCIDENT_CREATION);
            assertThat(rules.list("w")).singleElement().satisfies(rule -> assertThat(rule.enabled()).isFalse());
            toggle.enable("w", AlertRuleTemplates.IOT_INCIDENT_CREATION);
            IncidentCreationRuleProperties after = (IncidentCreationRuleProperties) rules.list("w").get(0).properties();
            assertThat(after.enabled()).isTrue();
            assertThat(after.severitiesFilter()).containsExactly(AlertSeverity.High);
        }
    }

    @Test
    void testTemplateRulesReadBackFromTheirJsonUnchanged() {
        for (AlertRuleTemplate template : gallery.list()) {
            var properties = gallery.ruleFrom(template.id(), false);
            assertThat(AlertRuleJson.read(AlertRuleJson.writeBody(properties))).isEqualTo(properties);
        }
    }
}
