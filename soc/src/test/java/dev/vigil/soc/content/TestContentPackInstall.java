package dev.vigil.soc.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.hunting.HuntingQueries;
import dev.vigil.soc.playbook.document.PlaybookDocument;
import dev.vigil.soc.playbook.store.Playbooks;
import dev.vigil.soc.playbook.store.SecretBox;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.soc.workbook.Workbook;
import dev.vigil.soc.workbook.WorkbookDefinition;
import dev.vigil.soc.workbook.Workbooks;
import dev.vigil.soc.workbook.notebook.NotebookReader;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pack's workbooks and playbooks install into their stores, on the real DuckDB, each with an answer of its own. */
class TestContentPackInstall {
    private static final String WS = "default";
    private static final String PACK = "Plant pack";
    private static final String WORKBOOK = """
            {"version":"Notebook/1.0","items":[
              {"type":1,"name":"title","content":{"json":"## Device activity\\nEvents by device"}},
              {"type":3,"name":"events","content":{"version":"KqlItem/1.0","query":"SecurityIoTRawEvent | summarize count() by DeviceId",
                "queryType":0,"resourceType":"microsoft.operationalinsights/workspaces","visualization":"table"}}]}
            """;
    private static final String PLAYBOOK = """
            description: Notes each new IoT incident
            triggers: [{kind: incident}, {kind: manual}]
            steps:
              - id: note
                type: addComment
                message: "Seen by the plant pack: {{ IncidentTitle }}"
            """;
    private static final String LOGIC_APP = """
            {"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#","contentVersion":"1.0.0.0",
             "resources":[{"type":"Microsoft.Logic/workflows","apiVersion":"2017-07-01","name":"Block-IP",
               "properties":{"definition":{"$schema":"https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
                 "triggers":{},"actions":{}}}}]}
            """;

    @TempDir
    Path data;

    private Storage storage;
    private Workbooks workbooks;
    private Playbooks playbooks;
    private ContentPackInstall packs;

    @BeforeEach
    void open() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        LogStore logs = storage.logStore();
        logs.createWorkspace(WS);
        AlertRules rules = AlertRules.open(logs, storage.stateStore(), Clock.systemUTC());
        workbooks = new Workbooks(logs, storage.stateStore(), Clock.systemUTC());
        playbooks = Playbooks.open(logs, storage.stateStore(), new SecretBox(SecretBox.newKey()), Clock.systemUTC());
        packs = new ContentPackInstall(new AlertRuleImport(rules, new HuntingQueries(logs, storage.stateStore()), storage.stateStore()),
                new ParserImport(logs, storage.stateStore()), workbooks, playbooks, logs);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private PackInstallation install(Map<String, String> files) {
        List<ContentFile> contentFiles = new ArrayList<>();
        files.forEach((name, text) -> contentFiles.add(new ContentFile(name, text)));
        return packs.install(WS, PACK, contentFiles, false, "alice");
    }

    /** Each item as {@code kind status [reason: message]}, by file. */
    private static Map<String, String> answers(PackInstallation installation) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (PackItem item : installation.items()) {
            ImportOutcome outcome = item.outcome();
            answers.put(outcome.file(), outcome.kind() + " " + outcome.status()
                    + outcome.refusal().map(refusal -> " " + refusal.reason() + ": " + refusal.message()).orElse(""));
        }
        return answers;
    }

    @Test
    void testWorkbooksAndPlaybooksAreSavedAndALogicAppIsRefusedNamingWhatVigilRuns() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Workbooks/DeviceActivity.json", WORKBOOK);
        files.put("Workbooks/Images/DeviceActivity.png", "not an image");
        files.put("Playbooks/notify-plant.yaml", PLAYBOOK);
        files.put("Playbooks/Block-IP/azuredeploy.json", LOGIC_APP);
        files.put("Playbooks/Block-IP/readme.md", "# Block IP");

        PackInstallation installation = install(files);

        Map<String, String> answers = answers(installation);
        assertThat(answers).containsOnlyKeys("Workbooks/DeviceActivity.json", "Playbooks/notify-plant.yaml", "Playbooks/Block-IP/azuredeploy.json");
        assertThat(answers.get("Workbooks/DeviceActivity.json")).isEqualTo("Workbook Imported");
        assertThat(answers.get("Playbooks/notify-plant.yaml")).isEqualTo("Playbook Imported");
        assertThat(answers.get("Playbooks/Block-IP/azuredeploy.json")).startsWith("Playbook Refused UnsupportedFormat: the file is a Logic App")
                .contains("Vigil runs playbooks written as its own YAML or JSON document", "docs/playbooks.md");
        assertThat(installation.skipped()).containsExactly("Workbooks/Images/DeviceActivity.png", "Playbooks/Block-IP/readme.md");
        Workbook workbook = workbooks.get(WS, "DeviceActivity");
        assertThat(workbook.displayName()).isEqualTo("Device activity");
        assertThat(workbook.category()).isEqualTo(PACK);
        assertThat(workbook.createdBy()).isEqualTo("alice");
        assertThat(workbook.document().items()).hasSize(2);
        assertThat(playbooks.get(WS, "notify-plant").definition().description()).isEqualTo("Notes each new IoT incident");
        ImportOutcome refused = installation.items().stream().map(PackItem::outcome).filter(o -> o.file().endsWith("azuredeploy.json")).findFirst()
                .orElseThrow();
        assertThat(refused.name()).contains("Block-IP");
    }

    @Test
    void testInstallingTwiceChangesNothingAndChangedFilesUpdate() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Workbooks/DeviceActivity.json", WORKBOOK);
        files.put("Playbooks/notify-plant.yaml", PLAYBOOK);
        install(files);

        assertThat(answers(install(files)).values()).containsExactly("Workbook Unchanged", "Playbook Unchanged");
        assertThat(playbooks.get(WS, "notify-plant").version()).isEqualTo(1);

        files.put("Workbooks/DeviceActivity.json", WORKBOOK.replace("Events by device", "Security events by device"));
        files.put("Playbooks/notify-plant.yaml", PLAYBOOK.replace("Notes each new IoT incident", "Comments on each IoT incident"));
        assertThat(answers(install(files)).values()).containsExactly("Workbook Updated", "Playbook Updated");
        assertThat(playbooks.get(WS, "notify-plant").version()).isEqualTo(2);
        assertThat(workbooks.get(WS, "DeviceActivity").revision()).isEqualTo(2);
    }

    @Test
    void testAPlaybookIsUnchangedOnlyWhileItsSecretKeepsItsValue() {
        String playbook = """
                description: Opens a ticket
                triggers: [{kind: incident}]
                secrets: {token: "first"}
                steps:
                  - id: ticket
                    type: http
                    url: https://itsm.plant.example/api/tickets
                    headers: {Authorization: "Bearer {{ Secrets.token }}"}
                """;
        install(Map.of("Playbooks/open-ticket.yaml", playbook));

        assertThat(answers(install(Map.of("Playbooks/open-ticket.yaml", playbook))).values()).containsExactly("Playbook Unchanged");
        assertThat(answers(install(Map.of("Playbooks/open-ticket.yaml", playbook.replace("first", "second")))).values())
                .containsExactly("Playbook Updated");
        assertThat(playbooks.secrets(playbooks.get(WS, "open-ticket"))).containsEntry("token", "second");
    }

    @Test
    void testAWorkbookSavedByHandIsKeptAndThePacksFileRefused() {
        ObjectMapper json = new ObjectMapper();
        workbooks.save(WS, "DeviceActivity", new WorkbookDefinition("Our own device view", "workbook", "",
                NotebookReader.read(json.createObjectNode().put("version", "Notebook/1.0").set("items", json.createArrayNode()))), Optional.empty(), "bob");

        Map<String, String> answers = answers(install(Map.of("Workbooks/DeviceActivity.json", WORKBOOK)));

        assertThat(answers.get("Workbooks/DeviceActivity.json")).isEqualTo("Workbook Refused NameTaken: workspace 'default' has a workbook"
                + " 'DeviceActivity' (saved by bob) that this file did not install; it is kept: rename the file or delete that workbook to install this one");
        Workbook kept = workbooks.get(WS, "DeviceActivity");
        assertThat(kept.displayName()).isEqualTo("Our own device view");
        assertThat(kept.revision()).isEqualTo(1);
    }

    @Test
    void testAWorkbookNeedsTheTablesItsQueriesRead() {
        PackInstallation installation = install(Map.of("Workbooks/DeviceActivity.json", WORKBOOK));

        assertThat(installation.items()).singleElement().satisfies(item -> assertThat(item.needs().tables()).containsExactly("SecurityIoTRawEvent"));
        assertThat(installation.tableRows()).containsOnlyKeys("SecurityIoTRawEvent");
    }

    @Test
    void testAPlaybookThatReadsADeviceInALoopNeedsTheIotConnector() {
        PackInstallation installation = install(Map.of("Playbooks/device-line.yaml", """
                triggers: [{kind: incident}]
                steps:
                  - id: each
                    type: forEach
                    items: Entities
                    as: entity
                    limit: 20
                    steps: [{id: device, type: getDevice, hub: plant-hub, deviceId: "{{ tostring(entity.DeviceId) }}"}]
                """));

        assertThat(installation.items()).singleElement().satisfies(item -> assertThat(item.needs().connectors()).containsExactly("IoT"));
    }

    @Test
    void testAPlaybookSavedByHandIsKeptAndThePacksFileRefused() throws Exception {
        playbooks.save(WS, "notify-plant", new ObjectMapper().readTree("""
                {"description": "Our own note", "triggers": [{"kind": "incident"}],
                 "steps": [{"id": "note", "type": "addComment", "message": "seen by the plant team"}]}
                """), Optional.empty(), "bob");

        Map<String, String> answers = answers(install(Map.of("Playbooks/notify-plant.yaml", PLAYBOOK)));

        assertThat(answers.get("Playbooks/notify-plant.yaml")).isEqualTo("Playbook Refused NameTaken: workspace 'default' has a playbook"
                + " 'notify-plant' (saved by bob) that this file did not install; it is kept: rename the file or delete that playbook to install this one");
        assertThat(playbooks.get(WS, "notify-plant").version()).isEqualTo(1);
        assertThat(playbooks.get(WS, "notify-plant").definition().document().path("description").asText()).isEqualTo("Our own note");
    }

    @Test
    void testAPlaybookRecordsThePackFileThatInstalledItAndAnotherPacksFileIsRefused() {
        install(Map.of("Playbooks/notify-plant.yaml", PLAYBOOK));
        // a later save by hand keeps where it came from: the pack still owns the name
        playbooks.save(WS, "notify-plant", playbooks.get(WS, "notify-plant").definition().document(), Optional.empty(), "bob");

        PackInstallation other = packs.install(WS, "Other Pack", List.of(new ContentFile("Playbooks/notify-plant.yaml", PLAYBOOK)), false, "alice");

        assertThat(playbooks.source(WS, "notify-plant")).contains(PACK + "/Playbooks/notify-plant.yaml");
        assertThat(answers(other).get("Playbooks/notify-plant.yaml")).startsWith("Playbook Refused NameTaken: workspace 'default' has a playbook"
                + " 'notify-plant' (from " + PACK + "/Playbooks/notify-plant.yaml) that this file did not install");
        assertThat(answers(install(Map.of("Playbooks/notify-plant.yaml", PLAYBOOK))).values()).containsExactly("Playbook Unchanged");
    }

    @Test
    void testAPlaybookAPackInstalledBeforeSourcesWereRecordedIsClaimedByTheSameFileOnly() throws Exception {
        // as a pack saved it before it recorded where its playbooks came from: the file's document, no source
        playbooks.save(WS, "notify-plant", PlaybookDocument.parse(PLAYBOOK, true), Optional.empty(), "alice");
        playbooks.save(WS, "our-own", PlaybookDocument.parse(PLAYBOOK, true), Optional.empty(), "bob");

        Map<String, String> answers = answers(install(Map.of("Playbooks/notify-plant.yaml", PLAYBOOK,
                "Playbooks/our-own.yaml", PLAYBOOK.replace("Seen by the plant pack", "Seen by the new pack"))));

        assertThat(answers.get("Playbooks/notify-plant.yaml")).isEqualTo("Playbook Unchanged");
        assertThat(playbooks.source(WS, "notify-plant")).contains(PACK + "/Playbooks/notify-plant.yaml");
        assertThat(playbooks.get(WS, "notify-plant").version()).isEqualTo(1);
        // a different document is not the file's: the playbook stays unclaimed and the file refused
        assertThat(answers.get("Playbooks/our-own.yaml")).startsWith("Playbook Refused NameTaken");
        assertThat(playbooks.source(WS, "our-own")).isEmpty();
        assertThat(answers(install(Map.of("Playbooks/notify-plant.yaml", PLAYBOOK.replace("plant pack", "plant pack v2")))).values())
                .containsExactly("Playbook Updated");
    }

    @Test
    void testRefusalsNameThePlaceOfTheProblem() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Workbooks/Broken.json", "{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":\"chart\"}]}");
        files.put("Workbooks/NotJson.json", "{\"version\": ");
        files.put("Playbooks/misspelt.yaml", PLAYBOOK.replace("IncidentTitle", "IncidentTitel"));
        files.put("Playbooks/arm.json", "{\"resources\":[]}");

        Map<String, String> answers = answers(install(files));

        assertThat(answers.get("Workbooks/Broken.json")).startsWith("Workbook Refused InvalidValue: the workbook is not valid: items[0].type: must be a number");
        assertThat(answers.get("Workbooks/NotJson.json")).startsWith("Workbook Refused UnreadableFile: a workbook is JSON (Notebook/1.0), and this file"
                + " is not at line 1");
        assertThat(answers.get("Playbooks/misspelt.yaml")).startsWith("Playbook Refused InvalidValue: the playbook is not valid: steps[0].message")
                .contains("IncidentTitel");
        assertThat(answers.get("Playbooks/arm.json")).startsWith("Playbook Refused UnsupportedFormat: the file is an ARM template");
        assertThat(workbooks.list(WS)).isEmpty();
        assertThat(playbooks.list(WS)).isEmpty();
    }
}
