package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.InvalidWorkspaceIdException;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.WorkspaceConflictException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestWorkspaceIds {
    private static final List<ColumnSchema> SCHEMA_NAME = List.of(new ColumnSchema("schema_name", KqlType.STRING));

    @RegisterExtension
    final SmallStorage storage = SmallStorage.perTest();

    @Test
    void workspaceIdsDifferingOnlyInCaseAreRefusedNamingTheExistingOne() {
        storage.logs().createWorkspace("ws2");

        assertThatThrownBy(() -> storage.logs().createWorkspace("WS2"))
                .isInstanceOf(WorkspaceConflictException.class)
                .hasMessage("workspace 'WS2' cannot be created: workspace 'ws2' exists, and workspace ids are unique regardless of case")
                .satisfies(e -> assertThat(((WorkspaceConflictException) e).existingWorkspace()).isEqualTo("ws2"));
        assertThatThrownBy(() -> storage.logs().createWorkspace("Ws2")).isInstanceOf(WorkspaceConflictException.class);
        assertThat(storage.logs().workspaces()).containsExactly("ws2");
    }

    @Test
    void creatingAnExistingWorkspaceAgainChangesNothing() {
        storage.logs().createWorkspace("Plant7");
        storage.logs().createWorkspace("Plant7");

        assertThat(storage.logs().workspaces()).containsExactly("Plant7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"w\u017F2", "\u212Aey", "\uFF57\uFF53\uFF12", "stra\u00DFe", "\u0130stanbul", "ws2\u0301", "caf\u00E9", ""})
    void idsOutsideAsciiLettersDigitsDashAndUnderscoreAreRefused(String id) {
        assertThatThrownBy(() -> storage.logs().createWorkspace(id))
                .isInstanceOf(InvalidWorkspaceIdException.class)
                .hasMessage("workspace id '" + id + "' is not valid: use 1 to 63 ASCII letters, digits, '-' or '_',"
                        + " starting with a letter or digit");
        assertThat(storage.logs().workspaces()).isEmpty();
    }

    @Test
    void aWorkspaceSchemaIsItsIdInLowerCase() {
        storage.logs().createWorkspace("Plant-7_North");

        assertThat(storage.sql("SELECT storage_schema FROM " + ControlSchema.WORKSPACES, SCHEMA_NAME))
                .containsExactly(List.of("ws_plant-7_north"));
        assertThat(storage.sql("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'ws_%'", SCHEMA_NAME))
                .containsExactly(List.of("ws_plant-7_north"));
    }

    @Test
    void workspacesDifferingInMoreThanCaseKeepTheirRowsApart() throws Exception {
        storage.logs().createWorkspace("plant1");
        storage.logs().createWorkspace("plant-1");
        storage.logs().ingest("plant1", "SecurityAlert", List.of(Map.of("AlertName", "one"))).get(10, TimeUnit.SECONDS);
        storage.logs().ingest("plant-1", "SecurityAlert", List.of(Map.of("AlertName", "dash one"))).get(10, TimeUnit.SECONDS);

        assertThat(alertNames("plant1")).containsExactly("one");
        assertThat(alertNames("plant-1")).containsExactly("dash one");
    }

    private List<Object> alertNames(String workspace) {
        return storage.logs().query(workspace, QueryRequest.of("SecurityAlert | project AlertName")).primary().rows().stream()
                .map(row -> row.get(0)).toList();
    }
}
