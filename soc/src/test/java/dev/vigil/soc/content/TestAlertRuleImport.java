package dev.vigil.soc.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.soc.hunting.HuntingQueries;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.AlertRuleKind;
import dev.vigil.soc.rule.ScheduledRuleProperties;
import dev.vigil.soc.rule.TriggerOperator;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sentinel rule YAML and exported ARM rules become alertRules: created, updated by version, left alone, or refused with the reason. */
class TestAlertRuleImport {
    static final String SSH_RULE = """
            id: 6a1c2f0e-3b7d-4c55-9f1e-2d8a7c4b9e01
            name: Repeated SSH password failures
            description: |
              'A host saw several failed SSH passwords from one address.'
            severity: Medium
            requiredDataConnectors:
              - connectorId: Syslog
                dataTypes:
                  - Syslog
            queryFrequency: 1h
            queryPeriod: 1d
            triggerOperator: gt
            triggerThreshold: 0
            tactics:
              - CredentialAccess
            relevantTechniques:
              - T1110.001
            query: |
              Syslog
              | where SyslogMessage has "Failed password"
              | extend SourceIP = extract(@"from (\\d+\\.\\d+\\.\\d+\\.\\d+)", 1, SyslogMessage)
              | summarize Failures = count() by Computer, SourceIP
              | where Failures >= 3
            entityMappings:
              - entityType: Host
                fieldMappings:
                  - identifier: HostName
                    columnName: Computer
              - entityType: IP
                fieldMappings:
                  - identifier: Address
                    columnName: SourceIP
            customDetails:
              Failures: Failures
            eventGroupingSettings:
              aggregationKind: AlertPerResult
            incidentConfiguration:
              createIncident: true
              groupingConfiguration:
                enabled: true
                reopenClosedIncident: false
                lookbackDuration: 5h
                matchingMethod: AllEntities
            kind: Scheduled
            version: 1.0.1
            status: Available
            tags:
              - SSH
            """;

    @TempDir
    Path data;

    private Storage storage;
    private AlertRules rules;
    private AlertRuleImport imports;

    @BeforeEach
    void open() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        storage.logStore().createWorkspace("default");
        rules = AlertRules.open(storage.logStore(), storage.stateStore(), Clock.systemUTC());
        imports = new AlertRuleImport(rules, new HuntingQueries(storage.logStore(), storage.stateStore()), storage.stateStore());
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private ImportOutcome importOne(String name, String text, boolean enable) {
        List<ImportOutcome> outcomes = imports.importFiles("default", List.of(new ContentFile(name, text)), enable);
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }

    @Test
    void ruleYamlBecomesADisabledScheduledRuleWithEverySetting() {
        ImportOutcome outcome = importOne("ssh.yaml", SSH_RULE, false);

        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(ImportStatus.Imported);
        assertThat(outcome.version()).hasValue("1.0.1");
        AlertRule rule = rules.get("default", "6a1c2f0e-3b7d-4c55-9f1e-2d8a7c4b9e01");
        assertThat(rule.kind()).isEqualTo(AlertRuleKind.SCHEDULED);
        assertThat(rule.enabled()).isFalse();
        ScheduledRuleProperties properties = (ScheduledRuleProperties) rule.properties();
        assertThat(properties.displayName()).isEqualTo("Repeated SSH password failures");
        assertThat(properties.description()).isEqualTo("A host saw several failed SSH passwords from one address.");
        assertThat(properties.schedule().queryFrequency()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.schedule().queryPeriod()).isEqualTo(Duration.ofDays(1));
        assertThat(properties.schedule().triggerOperator()).isEqualTo(TriggerOperator.GreaterThan);
        assertThat(properties.detection().techniques()).containsExactly("T1110.001");
        assertThat(properties.detection().entityMappings()).extracting(m -> m.entityType()).containsExactly("Host", "IP");
        assertThat(properties.detection().customDetails()).containsEntry("Failures", "Failures");
        assertThat(properties.detection().incidentConfiguration().groupingConfiguration().lookbackDuration()).isEqualTo(Duration.ofHours(5));
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        importOne("ssh.yaml", SSH_RULE, false);
        String etag = rules.get("default", "6a1c2f0e-3b7d-4c55-9f1e-2d8a7c4b9e01").etag();

        ImportOutcome again = importOne("ssh.yaml", SSH_RULE, false);

        assertThat(again.status()).isEqualTo(ImportStatus.Unchanged);
        assertThat(again.note()).hasValue("version 1.0.1 is installed");
        assertThat(rules.get("default", "6a1c2f0e-3b7d-4c55-9f1e-2d8a7c4b9e01").etag()).isEqualTo(etag);
    }

    @Test
    void aNewerVersionUpdatesTheRuleAndKeepsItEnabledAndAnOlderOneIsLeftOut() {
        importOne("ssh.yaml", SSH_RULE, true);

        ImportOutcome newer = importOne("ssh.yaml", SSH_RULE.replace("version: 1.0.1", "version: 1.0.10").replace("severity: Medium", "severity: High"), false);
        ImportOutcome older = importOne("ssh.yaml", SSH_RULE.replace("version: 1.0.1", "version: 1.0.2").replace("severity: Medium", "severity: Low"), false);

        assertThat(newer.status()).isEqualTo(ImportStatus.Updated);
        assertThat(older.status()).isEqualTo(ImportStatus.Unchanged);
        assertThat(older.note()).hasValue("the installed version 1.0.10 is newer than the file's 1.0.2");
        AlertRule rule = rules.get("default", "6a1c2f0e-3b7d-4c55-9f1e-2d8a7c4b9e01");
        assertThat(rule.enabled()).isTrue();
        assertThat(((ScheduledRuleProperties) rule.properties()).detection().severity().name()).isEqualTo("High");
    }

    @Test
    void nrtRuleNeedsNoSchedule() {
        ImportOutcome outcome = importOne("nrt.yaml", """
                id: 1f3e5d7c-0a2b-4c6d-8e9f-a1b2c3d4e5f6
                name: Member added to local Administrators
                severity: High
                kind: NRT
                query: SecurityEvent | where EventID == 4732 | project TimeGenerated, Computer, MemberName
                entityMappings:
                  - entityType: Host
                    fieldMappings:
                      - identifier: HostName
                        columnName: Computer
                version: 2.0.0
                """, true);

        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(ImportStatus.Imported);
        assertThat(rules.get("default", "1f3e5d7c-0a2b-4c6d-8e9f-a1b2c3d4e5f6").kind()).isEqualTo(AlertRuleKind.NRT);
        assertThat(rules.get("default", "1f3e5d7c-0a2b-4c6d-8e9f-a1b2c3d4e5f6").enabled()).isTrue();
    }

    @Test
    void exportedArmRuleIsImportedWithItsTemplateVersion() {
        ImportOutcome outcome = importOne("exported.json", ARM_RULE, false);

        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(ImportStatus.Imported);
        assertThat(outcome.id()).hasValue("0b9f4c2e-7d1a-4e8b-b3c6-5a2d9e7f1c40");
        assertThat(outcome.version()).hasValue("1.2.0");
        AlertRule rule = rules.get("default", "0b9f4c2e-7d1a-4e8b-b3c6-5a2d9e7f1c40");
        assertThat(rule.displayName()).isEqualTo("Logon failures on a domain controller");
        assertThat(rule.enabled()).isFalse();
    }

    @Test
    void refusalsNameTheirReason() {
        assertThat(importOne("extra.yaml", SSH_RULE + "customField: 1\n", false).refusal()).get()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(RefusalReason.UnsupportedField))
                .satisfies(r -> assertThat(r.message()).startsWith("the field 'customField' is not supported"));
        assertThat(importOne("fusion.yaml", SSH_RULE.replace("kind: Scheduled", "kind: Fusion"), false).refusal()).get()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(RefusalReason.UnsupportedField));
        assertThat(importOne("often.yaml", SSH_RULE.replace("queryFrequency: 1h", "queryFrequency: 1m"), false).refusal()).get()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(RefusalReason.InvalidValue))
                .satisfies(r -> assertThat(r.message()).startsWith("queryFrequency: must be from PT5M"));
        assertThat(importOne("tactic.yaml", SSH_RULE.replace("- CredentialAccess", "- Guessing"), false).refusal()).get()
                .satisfies(r -> assertThat(r.message()).startsWith("tactics: 'Guessing' is not one of"));
        assertThat(importOne("table.yaml", SSH_RULE.replace("query: |\n  Syslog", "query: |\n  NoSuchTable_CL"), false).refusal()).get()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(RefusalReason.MissingTableOrFunction))
                .satisfies(r -> assertThat(r.message()).contains("NoSuchTable_CL"));
        assertThat(importOne("syntax.yaml", SSH_RULE.replace("| summarize Failures = count() by", "| summarize Failures = count( by"), false)
                .refusal()).get()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(RefusalReason.KqlError))
                .satisfies(r -> assertThat(r.line()).hasValue(4))
                .satisfies(r -> assertThat(r.message()).startsWith("the query does not compile: line 4:"));
        assertThat(importOne("parser.yaml", "FunctionName: X\nFunctionQuery: print 1\n", false).refusal()).get()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(RefusalReason.WrongKind));
        assertThat(importOne("broken.yaml", "id: [unclosed", false).refusal()).get()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(RefusalReason.UnreadableFile));
        assertThat(rules.list("default")).isEmpty();
    }

    static final String ARM_RULE = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": { "workspace": { "type": "String" } },
              "resources": [
                {
                  "id": "[concat(resourceId('Microsoft.OperationalInsights/workspaces/providers', parameters('workspace'), 'Microsoft.SecurityInsights'),'/alertRules/0b9f4c2e-7d1a-4e8b-b3c6-5a2d9e7f1c40')]",
                  "name": "[concat(parameters('workspace'),'/Microsoft.SecurityInsights/0b9f4c2e-7d1a-4e8b-b3c6-5a2d9e7f1c40')]",
                  "type": "Microsoft.OperationalInsights/workspaces/providers/alertRules",
                  "kind": "Scheduled",
                  "apiVersion": "2023-12-01-preview",
                  "properties": {
                    "displayName": "Logon failures on a domain controller",
                    "description": "Many failed logons on one domain controller.",
                    "severity": "Low",
                    "enabled": true,
                    "query": "SecurityEvent\\n| where EventID == 4625\\n| summarize Failures = count() by Computer\\n| where Failures > 2",
                    "queryFrequency": "PT5M",
                    "queryPeriod": "PT1H",
                    "triggerOperator": "GreaterThan",
                    "triggerThreshold": 0,
                    "suppressionDuration": "PT5H",
                    "suppressionEnabled": false,
                    "startTimeUtc": null,
                    "tactics": ["CredentialAccess"],
                    "techniques": ["T1110"],
                    "subTechniques": [],
                    "alertRuleTemplateName": null,
                    "templateVersion": "1.2.0",
                    "incidentConfiguration": {
                      "createIncident": false,
                      "groupingConfiguration": {
                        "enabled": false, "reopenClosedIncident": false, "lookbackDuration": "PT5H", "matchingMethod": "AllEntities",
                        "groupByEntities": [], "groupByAlertDetails": [], "groupByCustomDetails": []
                      }
                    },
                    "eventGroupingSettings": { "aggregationKind": "SingleAlert" },
                    "alertDetailsOverride": null,
                    "customDetails": null,
                    "entityMappings": [
                      { "entityType": "Host", "fieldMappings": [ { "identifier": "HostName", "columnName": "Computer" } ] }
                    ],
                    "sentinelEntitiesMappings": null
                  }
                }
              ]
            }
            """;
}
