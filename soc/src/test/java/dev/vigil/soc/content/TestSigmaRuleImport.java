package dev.vigil.soc.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.soc.hunting.HuntingQueries;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.QueryRuleProperties;
import dev.vigil.soc.rule.ScheduledRuleProperties;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.ResultTable;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sigma rules become Scheduled rules whose KQL selects what the Sigma rule describes: each is
 * imported, and its query run on rows of the standard tables, so each test checks which rows match.
 * The rows are written once for the class (the tests only read them; each imports rules of its own ids).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestSigmaRuleImport {
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    static Path data;

    private Storage storage;
    private AlertRules rules;
    private AlertRuleImport imports;

    @BeforeAll
    void open() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        LogStore logs = storage.logStore();
        logs.createWorkspace("default");
        rules = AlertRules.open(logs, storage.stateStore(), Clock.systemUTC());
        imports = new AlertRuleImport(rules, new HuntingQueries(logs, storage.stateStore()), storage.stateStore());
        logs.ingestFromClient("default", "Syslog", List.of(
                row("Computer", "web-1", "ProcessName", "sshd", "SyslogMessage", "Failed password for root from 10.0.0.9 port 22 ssh2"),
                row("Computer", "web-2", "ProcessName", "sshd", "SyslogMessage", "Accepted password for alice from 10.0.0.8 port 22 ssh2"),
                row("Computer", "db-1", "ProcessName", "sudo", "SyslogMessage", "alice : TTY=pts/0 ; COMMAND=/bin/bash"),
                row("Computer", "db-2", "ProcessName", "cron", "SyslogMessage", "(root) CMD (run-parts /etc/cron.hourly)"))).join();
        logs.ingestFromClient("default", "SecurityEvent", List.of(
                row("Computer", "ws-1", "EventID", 4688, "CommandLine", "powershell.exe -nop -e SUVYIChOZXctT2JqZWN0IE5ldC5XZWJDbGllbnQpLkRvd25sb2FkU3RyaW5nKDEp"),
                row("Computer", "ws-2", "EventID", 4688, "CommandLine", "cmd.exe /c whoami", "NewProcessName", "C:\\Windows\\System32\\cmd.exe"),
                row("Computer", "ws-3", "EventID", 4625, "TargetUserName", "admin", "IpAddress", "10.1.2.3"),
                row("Computer", "ws-4", "EventID", 4625, "TargetUserName", "guest", "IpAddress", "192.168.5.5"),
                row("Computer", "ws-5", "EventID", 4688, "CommandLine", "powershell.exe /nop /enc d2hvYW1p"),
                row("Computer", "ws-6", "EventID", 4698, "CommandLine", "schtasks.exe /create -tn nightly-backup /tr C:/Tools/run-backup.exe"))).join();
        logs.ingestFromClient("default", "CommonSecurityLog", List.of(
                row("DeviceName", "fw-1", "SourceIP", "10.0.0.5", "DestinationIP", "8.8.8.8", "DestinationPort", 53, "DeviceAction", "allow"),
                row("DeviceName", "fw-2", "SourceIP", "10.0.0.6", "DestinationIP", "203.0.113.9", "DestinationPort", 4444, "DeviceAction", "deny"),
                row("DeviceName", "fw-3", "SourceIP", "172.16.0.1", "DestinationIP", "10.0.0.5", "DestinationPort", 3389, "DeviceAction", "allow")))
                .join();
        logs.ingest("default", "SecurityIoTRawEvent", List.of(
                row("DeviceId", "plc-7", "RawEventName", "OpenPorts", "RawEventCategory", "Periodic", "EventDetails", "{\"LocalPort\":502}"),
                row("DeviceId", "plc-8", "RawEventName", "Login", "RawEventCategory", "Triggered", "EventDetails", "{\"Result\":\"Fail\"}"))).join();
    }

    @AfterAll
    void close() {
        storage.close();
    }

    private static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("TimeGenerated", AT.toString());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    private ImportOutcome importSigma(String yaml) {
        List<ImportOutcome> outcomes = imports.importFiles("default", List.of(new ContentFile("rule.yml", yaml)), false);
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }

    /** The values of {@code column} in the rows the converted rule's query selects, sorted. */
    private List<String> matched(String logsource, String detection, String column) {
        ImportOutcome outcome = importSigma("title: test rule\nid: " + java.util.UUID.randomUUID() + "\nlogsource:\n" + logsource
                + "\ndetection:\n" + detection + "\nlevel: high\n");
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(ImportStatus.Imported);
        String query = ((QueryRuleProperties) rules.get("default", outcome.id().orElseThrow()).properties()).detection().query();
        ResultTable result = storage.logStore().query("default", QueryRequest.of(query + " | project " + column + " | sort by " + column + " asc"))
                .primary();
        List<String> values = new ArrayList<>();
        result.rows().forEach(r -> values.add(String.valueOf(r.get(0))));
        return values;
    }

    private static final String LINUX = "  product: linux";
    private static final String WINDOWS = "  product: windows\n  service: security";
    private static final String FIREWALL = "  category: firewall";

    @Test
    void testAListOfValuesIsAnyOfThemComparedWithoutCase() {
        assertThat(matched(LINUX, "  selection:\n    application: [SSHD, Cron]\n  condition: selection", "Computer"))
                .containsExactly("db-2", "web-1", "web-2");
    }

    @Test
    void testContainsStartswithEndswithAndAll() {
        assertThat(matched(LINUX, "  selection:\n    message|contains|all: ['PASSWORD', 'root']\n  condition: selection", "Computer"))
                .containsExactly("web-1");
        assertThat(matched(LINUX, "  selection:\n    message|startswith: 'accepted'\n  condition: selection", "Computer")).containsExactly("web-2");
        assertThat(matched(LINUX, "  selection:\n    message|endswith: 'HOURLY)'\n  condition: selection", "Computer")).containsExactly("db-2");
        assertThat(matched(LINUX, "  selection:\n    message|contains: ['COMMAND=', 'cron.']\n  condition: selection", "Computer"))
                .containsExactly("db-1", "db-2");
    }

    @Test
    void testWildcardsMatchAnyCharactersAndOneCharacterAndEscapedOnesAreText() {
        assertThat(matched(LINUX, "  selection:\n    message: '*password for ?lice*'\n  condition: selection", "Computer")).containsExactly("web-2");
        assertThat(matched(LINUX, "  selection:\n    message: 'Failed*'\n  condition: selection", "Computer")).containsExactly("web-1");
        assertThat(matched(LINUX, "  selection:\n    message: '*TTY=pts/? ;*'\n  condition: selection", "Computer")).containsExactly("db-1");
        assertThat(matched(LINUX, "  selection:\n    message|contains: 'root\\*'\n  condition: selection", "Computer")).isEmpty();
    }

    @Test
    void testCasedComparesWithCase() {
        assertThat(matched(LINUX, "  selection:\n    application|cased: SSHD\n  condition: selection", "Computer")).isEmpty();
        assertThat(matched(LINUX, "  selection:\n    application|cased: sshd\n  condition: selection", "Computer")).containsExactly("web-1", "web-2");
    }

    @Test
    void testRegularExpressions() {
        assertThat(matched(LINUX, "  selection:\n    message|re: 'from 10\\.0\\.0\\.[89] port'\n  condition: selection", "Computer"))
                .containsExactly("web-1", "web-2");
        assertThat(matched(LINUX, "  selection:\n    message|re|i: '^FAILED'\n  condition: selection", "Computer")).containsExactly("web-1");
    }

    @Test
    void testCidrAndNumericComparisons() {
        assertThat(matched(FIREWALL, "  selection:\n    dst_ip|cidr: 10.0.0.0/8\n  condition: selection", "DeviceName")).containsExactly("fw-3");
        assertThat(matched(FIREWALL, "  selection:\n    src_ip|cidr: ['10.0.0.0/24', '192.168.0.0/16']\n  condition: selection", "DeviceName"))
                .containsExactly("fw-1", "fw-2");
        assertThat(matched(FIREWALL, "  selection:\n    dst_port|gte: 1024\n  condition: selection", "DeviceName")).containsExactly("fw-2", "fw-3");
        assertThat(matched(FIREWALL, "  selection:\n    dst_port: 53\n  condition: selection", "DeviceName")).containsExactly("fw-1");
        assertThat(matched(FIREWALL, "  selection:\n    src_ip|fieldref: dst_ip\n  condition: selection", "DeviceName")).isEmpty();
        assertThat(matched(FIREWALL, "  selection:\n    action|fieldref: action\n  condition: selection", "DeviceName"))
                .containsExactly("fw-1", "fw-2", "fw-3");
    }

    @Test
    void testWindashAndBase64Forms() {
        assertThat(matched(WINDOWS, "  selection:\n    CommandLine|windash|contains: ' -nop '\n  condition: selection", "Computer"))
                .containsExactly("ws-1", "ws-5");
        assertThat(matched(WINDOWS, "  selection:\n    CommandLine|base64offset|contains: 'New-Object'\n  condition: selection", "Computer"))
                .containsExactly("ws-1");
        assertThat(matched(WINDOWS, "  selection:\n    CommandLine|base64|contains: 'whoami'\n  condition: selection", "Computer"))
                .containsExactly("ws-5");
    }

    @Test
    void testWindashSpellsOnlyTheDashesThatStartFlagsInEveryCombination() {
        // each flag may be written with its own dash; the dashes inside words stay as written
        assertThat(matched(WINDOWS, "  selection:\n    CommandLine|windash|contains: '-create -tn nightly-backup'\n  condition: selection", "Computer"))
                .containsExactly("ws-6");
        assertThat(matched(WINDOWS, "  selection:\n    CommandLine|windash|contains: 'Tools-run'\n  condition: selection", "Computer")).isEmpty();
    }

    @Test
    void testWindashRefusesAValueWithMoreFlagsThanItSpells() {
        String yaml = "title: t\nid: 7c1e3a5b-9d2f-4b6a-8c0e-1f3a5b7c9d2e\nlogsource:\n" + WINDOWS
                + "\ndetection:\n  s:\n    CommandLine|windash|contains: '-a -b -c -d -e'\n  condition: s\n";

        assertThat(refusal(yaml)).isEqualTo("InvalidValue: the Sigma rule does not convert: CommandLine: 'windash' spells each flag's dash 5 ways,"
                + " for at most 4 flags in a value; this value has 5");
    }

    @Test
    void testExistsNullAndFieldMappings() {
        assertThat(matched(WINDOWS, "  selection:\n    TargetUserName|exists: true\n  condition: selection", "Computer")).containsExactly("ws-3", "ws-4");
        assertThat(matched(WINDOWS, "  selection:\n    EventID: 4688\n    Image: null\n  condition: selection", "Computer")).containsExactly("ws-1", "ws-5");
        assertThat(matched(WINDOWS, "  selection:\n    Image|endswith: '\\cmd.exe'\n  condition: selection", "Computer")).containsExactly("ws-2");
    }

    @Test
    void testConditionsCombineIdentifiers() {
        String identifiers = "  selection_ssh:\n    application: sshd\n  selection_cron:\n    application: cron\n"
                + "  filter_accepted:\n    message|startswith: Accepted\n";
        assertThat(matched(LINUX, identifiers + "  condition: selection_ssh and not filter_accepted", "Computer")).containsExactly("web-1");
        assertThat(matched(LINUX, identifiers + "  condition: 1 of selection_*", "Computer")).containsExactly("db-2", "web-1", "web-2");
        assertThat(matched(LINUX, identifiers + "  condition: (selection_ssh or selection_cron) and not filter_accepted", "Computer"))
                .containsExactly("db-2", "web-1");
        assertThat(matched(LINUX, identifiers + "  condition: all of selection_* or filter_accepted", "Computer")).containsExactly("web-2");
        assertThat(matched(LINUX, "  a:\n    application: sshd\n  b:\n    message|contains: root\n  condition: all of them", "Computer"))
                .containsExactly("web-1");
        assertThat(matched(LINUX, "  a:\n    - application: cron\n    - message|contains: alice\n  condition: a", "Computer"))
                .containsExactly("db-1", "db-2", "web-2");
    }

    @Test
    void testKeywordsAreSearchedInTheLogSourcesMessage() {
        assertThat(matched(LINUX, "  keywords:\n    - 'COMMAND='\n    - 'run-parts'\n  condition: keywords", "Computer")).containsExactly("db-1", "db-2");
    }

    @Test
    void testVigilIotRawEventsHaveAMapping() {
        assertThat(matched("  product: vigil\n  service: iot", "  selection:\n    event_name: Login\n    details|contains: Fail\n  condition: selection",
                "DeviceId")).containsExactly("plc-8");
    }

    @Test
    void testTheRuleTakesItsSeverityTacticsAndTechniquesFromTheSigmaRule() {
        ImportOutcome outcome = importSigma("""
                title: Root SSH failures
                id: 1b7c3e5a-9d2f-4a68-8b0c-4e6f8a0b2c4d
                description: Failed SSH passwords for root.
                status: experimental
                author: Vigil tests
                date: 2026/11/02
                modified: 2026/12/01
                tags:
                  - attack.credential_access
                  - attack.t1110.001
                  - attack.g0007
                logsource:
                  product: linux
                  service: sshd
                detection:
                  selection:
                    message|contains|all: ['Failed password', 'root']
                  condition: selection
                falsepositives:
                  - An administrator mistyping
                level: critical
                """);

        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(ImportStatus.Imported);
        assertThat(outcome.version()).hasValue("2026.12.01");
        AlertRule rule = rules.get("default", "1b7c3e5a-9d2f-4a68-8b0c-4e6f8a0b2c4d");
        ScheduledRuleProperties properties = (ScheduledRuleProperties) rule.properties();
        assertThat(properties.displayName()).isEqualTo("Root SSH failures");
        assertThat(properties.detection().severity().name()).isEqualTo("High");
        assertThat(properties.detection().tactics()).containsExactly("CredentialAccess");
        assertThat(properties.detection().techniques()).containsExactly("T1110.001");
        assertThat(properties.schedule().queryFrequency()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.detection().entityMappings()).extracting(m -> m.entityType()).containsExactly("Host");
    }

    @Test
    void testImportingTheSameSigmaRuleTwiceChangesNothing() {
        String yaml = "title: t\nid: 7d2c4e6a-1b3d-4f5a-8c7e-9a0b1c2d3e4f\nmodified: 2026-12-01\nlogsource:\n  product: linux\ndetection:\n"
                + "  s:\n    application: sshd\n  condition: s\n";
        importSigma(yaml);

        ImportOutcome again = importSigma(yaml);

        assertThat(again.status()).isEqualTo(ImportStatus.Unchanged);
    }

    @Test
    void testWhatDoesNotConvertIsRefusedWithTheReason() {
        String base = "title: t\nid: 2e4f6a8c-0b1d-4e3f-9a5b-7c9d1e3f5a7b\nlogsource:\n  product: linux\ndetection:\n  s:\n    application: sshd\n";
        assertThat(refusal(base.replace("product: linux", "product: macos") + "  condition: s"))
                .startsWith("UnsupportedField: the Sigma rule does not convert: logsource {product: macos} has no field mapping; Vigil maps");
        assertThat(refusal(base + "  condition: s | count() by host > 5"))
                .isEqualTo("UnsupportedField: the Sigma rule does not convert: condition 's | count() by host > 5': aggregations ('|') are not"
                        + " converted; write the rule in KQL");
        assertThat(refusal(base.replace("application:", "application|expand:") + "  condition: s"))
                .isEqualTo("UnsupportedField: the Sigma rule does not convert: application: the modifier 'expand' is not converted to KQL");
        assertThat(refusal(base.replace("application:", "application|sometimes:") + "  condition: s"))
                .isEqualTo("InvalidValue: the Sigma rule does not convert: application: 'sometimes' is not a Sigma modifier");
        assertThat(refusal(base.replace("application:", "application|re|contains:") + "  condition: s"))
                .isEqualTo("InvalidValue: the Sigma rule does not convert: application: the modifiers 're' and 'contains' do not go together");
        assertThat(refusal(base + "  condition: s and missing"))
                .isEqualTo("InvalidValue: the Sigma rule does not convert: condition 's and missing': 'missing' is not a search identifier of the detection");
        assertThat(refusal(base + "  condition: (s or s"))
                .isEqualTo("InvalidValue: the Sigma rule does not convert: condition '(s or s': a '(' is not closed");
        assertThat(refusal(base.replace("application:", "NoSuchColumn:") + "  condition: s"))
                .startsWith("KqlError: the query does not compile").contains("NoSuchColumn");
    }

    private String refusal(String yaml) {
        ImportOutcome outcome = importSigma(yaml);
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(ImportStatus.Refused);
        Refusal refusal = outcome.refusal().orElseThrow();
        return refusal.reason() + ": " + refusal.message();
    }
}
