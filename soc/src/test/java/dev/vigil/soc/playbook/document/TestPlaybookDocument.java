package dev.vigil.soc.playbook.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.kql.types.KqlType;
import dev.vigil.soc.playbook.InvalidPlaybookException;
import dev.vigil.soc.playbook.PlaybookStep;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a playbook document must be to be saved, and where a refusal points, checked against a real workspace. */
class TestPlaybookDocument {
    private static final String WS = "w";

    @TempDir
    static Path data;

    private static Storage storage;

    @BeforeAll
    static void open() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        storage.logStore().createWorkspace(WS);
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    private static ParsedPlaybook read(String yaml) {
        return PlaybookDocument.read(PlaybookDocument.parse(yaml, true), WS, storage.logStore());
    }

    private static InvalidPlaybookException refusal(String yaml) {
        return (InvalidPlaybookException) assertThatThrownBy(() -> read(yaml)).isInstanceOf(InvalidPlaybookException.class).actual();
    }

    @Test
    void testVariablesTakeTheTypeTheirExpressionCompilesTo() {
        ParsedPlaybook parsed = read("""
                triggers: [{kind: incident}]
                variables:
                  count: array_length(Entities)
                  high: IncidentSeverity == "High"
                  who: strcat("x", count)
                steps: [{id: note, type: addComment, message: "{{ who }}"}]
                """);
        assertThat(parsed.definition().variables()).extracting(v -> v.type()).containsExactly(KqlType.LONG, KqlType.BOOL, KqlType.STRING);
        assertThat(parsed.definition().steps().get(0)).isInstanceOf(PlaybookStep.AddComment.class);
    }

    @Test
    void testUnknownStepTypeIsRefusedAtItsPath() {
        InvalidPlaybookException e = refusal("""
                triggers: [{kind: incident}]
                steps: [{id: a, type: addComment, message: hi}, {id: b, type: sendFax, number: "1"}]
                """);
        assertThat(e.path()).isEqualTo("steps[1].type");
        assertThat(e.getMessage()).contains("'sendFax' is not a step type");
    }

    @Test
    void testMisspeltPropertyIsRefusedNamingTheKnownOnes() {
        InvalidPlaybookException e = refusal("""
                triggers: [{kind: incident}]
                steps: [{id: a, type: http, url: "http://x", bdy: "{}"}]
                """);
        assertThat(e.path()).isEqualTo("steps[0].bdy");
        assertThat(e.getMessage()).contains("its members are").contains("body");
    }

    @Test
    void testBadTemplateIsRefusedWithTheCharacterWhereKqlFoundTheProblem() {
        InvalidPlaybookException e = refusal("""
                triggers: [{kind: incident}]
                steps: [{id: a, type: addComment, message: "Hello {{ strcat(IncidentTitel, '!') }}"}]
                """);
        assertThat(e.path()).isEqualTo("steps[0].message");
        // 'IncidentTitel' starts at character 17 of the message
        assertThat(e.position()).hasValue(17);
        assertThat(e.getMessage()).contains("IncidentTitel");
    }

    @Test
    void testUnclosedTemplateIsRefusedAtItsOpening() {
        InvalidPlaybookException e = refusal("""
                triggers: [{kind: incident}]
                steps: [{id: a, type: addComment, message: "ab {{ IncidentTitle"}]
                """);
        assertThat(e.position()).hasValue(4);
        assertThat(e.getMessage()).contains("not closed");
    }

    @Test
    void testLoopWithoutABoundIsRefused() {
        InvalidPlaybookException e = refusal("""
                triggers: [{kind: incident}]
                steps:
                  - {id: each, type: forEach, items: Entities, steps: [{id: c, type: addComment, message: x}]}
                """);
        assertThat(e.path()).isEqualTo("steps[0].limit");
        assertThat(e.getMessage()).contains("a loop has a bound");
    }

    @Test
    void testConditionMustBeBoolAndStepOutputsAreInScopeOnlyAfterTheStep() {
        assertThat(refusal("""
                triggers: [{kind: incident}]
                steps: [{id: a, type: addComment, message: x, when: IncidentNumber + 1}]
                """).getMessage()).contains("a condition is a bool expression");
        InvalidPlaybookException early = refusal("""
                triggers: [{kind: incident}]
                steps:
                  - {id: a, type: addComment, message: "{{ b.status }}"}
                  - {id: b, type: http, url: "http://x"}
                """);
        assertThat(early.path()).isEqualTo("steps[0].message");
    }

    @Test
    void testSecretsMustBeDeclaredAndAreNotKeptInTheSavedDocument() {
        assertThat(refusal("""
                triggers: [{kind: incident}]
                steps: [{id: a, type: http, url: "http://x", headers: {k: "{{ Secrets.missing }}"}}]
                """).getMessage()).contains("'missing' is not a secret of the playbook");
        ParsedPlaybook parsed = read("""
                triggers: [{kind: incident}]
                secrets: {key: hunter2}
                steps: [{id: a, type: http, url: "http://x", headers: {k: "{{ Secrets.key }}"}}]
                """);
        assertThat(parsed.definition().document().toString()).doesNotContain("hunter2");
        assertThat(parsed.secretValues().get("key")).hasValue("hunter2");
    }

    @Test
    void testQueryStepIsCompiledAgainstTheWorkspaceWithTheVariablesBound() {
        InvalidPlaybookException e = refusal("""
                triggers: [{kind: incident}]
                steps: [{id: q, type: query, query: "SecurityAlert | where SystemAlertId in (Incident.AlertIds) | project Nope"}]
                """);
        assertThat(e.path()).isEqualTo("steps[0].query");
        // 'Nope' is character 70 of the query
        assertThat(e.position()).hasValue(70);
    }
}
