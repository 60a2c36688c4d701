package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.FunctionDefinitionException;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.ReadOnlyTableException;
import dev.vigil.workspace.api.StoredFunctionDefinition;
import dev.vigil.workspace.api.TableInfo;
import dev.vigil.workspace.api.TableKind;
import dev.vigil.workspace.api.TableWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every workspace knows the standard tables; one gets storage when rows first arrive for it. */
class TestStandardTableStorage {
    private static final List<ColumnSchema> NAME = List.of(new ColumnSchema("table_name", KqlType.STRING));

    @RegisterExtension
    final SmallStorage storage = SmallStorage.perTest().withWorkspace("default");

    private List<List<Object>> relationsNamed(String table) {
        return storage.sql("SELECT table_name FROM duckdb_tables() WHERE table_name = '" + table + "'", NAME);
    }

    private long count(String kql) {
        return ((Number) storage.logs().query("default", QueryRequest.of(kql)).tables().get(0).rows().get(0).get(0)).longValue();
    }

    @Test
    void queriesOverAStandardTableWithoutRowsAnswerNothingAndCreateNoStorage() {
        assertThat(count("Syslog | where SyslogMessage has 'Failed password' | summarize by Computer | count")).isZero();
        assertThat(count("SigninLogs | where ResultType == '50126' | count")).isZero();

        assertThat(relationsNamed("Syslog")).isEmpty();
        assertThat(relationsNamed("SigninLogs")).isEmpty();
    }

    @Test
    void theTableListShowsEveryStandardTableWithWhoMayWriteIt() {
        List<TableInfo> tables = storage.logs().tables("default");

        assertThat(tables).filteredOn(t -> t.kind() == TableKind.STANDARD).hasSize(682);
        assertThat(tables).filteredOn(t -> t.name().equals("Syslog")).singleElement()
                .satisfies(t -> assertThat(t.writer()).isEqualTo(TableWriter.CLIENTS))
                .satisfies(t -> assertThat(t.rowCount()).isZero());
        assertThat(tables).filteredOn(t -> t.name().equals("SigninLogs")).singleElement()
                .satisfies(t -> assertThat(t.writer()).isEqualTo(TableWriter.LOG_ANALYTICS));
        assertThat(tables).filteredOn(t -> t.name().equals("SecurityAlert")).singleElement()
                .satisfies(t -> assertThat(t.kind()).isEqualTo(TableKind.BUILT_IN));
    }

    @Test
    void clientRowsForAnIngestibleStandardTableCreateItsStorageAndSurviveARestart() throws Exception {
        storage.logs().ingestFromClient("default", "Syslog", List.of(
                Map.of("Computer", "web-1", "SyslogMessage", "Failed password for root from 10.0.0.9", "ProcessID", 812),
                Map.of("Computer", "web-2", "SyslogMessage", "Accepted password for alice"))).get(10, TimeUnit.SECONDS);

        assertThat(relationsNamed("Syslog")).hasSize(1);
        assertThat(count("Syslog | where SyslogMessage has 'Failed' | count")).isEqualTo(1);
        assertThat(count("Syslog | where Type == 'Syslog' and isnotempty(TenantId) and _IsBillable == 'True' | count")).isEqualTo(2);

        storage.reopen();

        assertThat(count("Syslog | count")).isEqualTo(2);
        assertThat(storage.logs().tables("default")).filteredOn(t -> t.name().equals("Syslog")).singleElement()
                .satisfies(t -> assertThat(t.rowCount()).isEqualTo(2));
    }

    @Test
    void wildcardsReadTheStandardTablesThatHaveRows() throws Exception {
        storage.logs().ingestFromClient("default", "SecurityEvent", List.of(Map.of("EventID", 4625, "Computer", "dc-1")))
                .get(10, TimeUnit.SECONDS);

        assertThat(count("union Secu* | count")).isEqualTo(1);
        assertThat(count("search 'dc-1' | count")).isEqualTo(1);
    }

    @Test
    void rowsThatAreRefusedCreateNoStorage() {
        assertThatThrownBy(() -> storage.logs().ingestFromClient("default", "CommonSecurityLog", List.of(Map.of("NoSuchColumn", 1))));

        assertThat(relationsNamed("CommonSecurityLog")).isEmpty();
    }

    @Test
    void standardTablesThatLogAnalyticsFillsItselfRefuseClientRows() {
        assertThatThrownBy(() -> storage.logs().ingestFromClient("default", "SigninLogs", List.of(Map.of("UserPrincipalName", "a@b.c"))))
                .isInstanceOf(ReadOnlyTableException.class)
                .hasMessageStartingWith("table 'SigninLogs' is a standard table that Log Analytics fills from its own collectors");
        assertThat(relationsNamed("SigninLogs")).isEmpty();
    }

    @Test
    void aStoredFunctionCannotTakeTheNameOfAStandardTable() {
        assertThatThrownBy(() -> storage.logs().saveFunction("default", StoredFunctionDefinition.of("syslog", "print 1")))
                .isInstanceOf(FunctionDefinitionException.class)
                .hasMessage("function name 'syslog' clashes with the table 'Syslog' of this workspace");
    }
}
