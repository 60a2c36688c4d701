package dev.vigil.workspace.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.workspace.api.TableKind;
import dev.vigil.workspace.api.TableWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TestStandardTables {

    @Test
    void everyReferenceTableButVigilsOwnIsAStandardTable() {
        assertThat(StandardTables.all()).hasSize(689 - 7);
        assertThat(StandardTables.named("SecurityAlert")).isEmpty();
        assertThat(StandardTables.named("Syslog")).get().extracting(WorkspaceTable::kind).isEqualTo(TableKind.STANDARD);
        assertThat(StandardTables.named("syslog")).isEmpty();
    }

    @Test
    void everyStandardTableHasTheStandardColumnsAndNoTwoColumnsDifferingOnlyInCase() {
        List<String> wrong = new ArrayList<>();
        for (WorkspaceTable table : StandardTables.all()) {
            Set<String> lowerCase = new HashSet<>();
            if (!table.columns().containsAll(StandardColumns.ALL) || !table.columns().stream().allMatch(c -> lowerCase.add(c.name().toLowerCase(Locale.ROOT)))) {
                wrong.add(table.name());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(StandardTables.named("DeviceEtw").orElseThrow().column("Type")).isPresent();
    }

    @Test
    void theTablesLogAnalyticsLetsUsersIngestIntoTakeClientRows() {
        assertThat(StandardTables.all()).filteredOn(t -> t.writer() == TableWriter.CLIENTS).extracting(WorkspaceTable::name)
                .contains("CommonSecurityLog", "Syslog", "SecurityEvent", "WindowsEvent", "ASimDnsActivityLogs", "ASimNetworkSessionLogs")
                .hasSize(StandardTables.INGESTIBLE.size());
        assertThat(StandardTables.named("SigninLogs")).get().extracting(WorkspaceTable::writer).isEqualTo(TableWriter.LOG_ANALYTICS);
    }

    /** What docs/content.md says about Vigil's own tables next to the reference: keep the two in step. */
    @Test
    void vigilsOwnTablesDifferFromTheReferenceOnlyAsDocumented() {
        Map<String, List<String>> differences = BuiltInTables.ALL.stream().filter(t -> StandardTables.referenceColumns(t.name()).isPresent())
                .collect(Collectors.toMap(WorkspaceTable::name, t -> differences(t.columns(), StandardTables.referenceColumns(t.name()).get())));

        assertThat(differences).containsOnly(
                Map.entry("SecurityAlert", List.of("+TenantId:string", "+SourceSystem:string")),
                Map.entry("SecurityIncident", List.of("-_BilledSize:real", "-_IsBillable:string")),
                Map.entry("SecurityIoTRawEvent", List.of("+TenantId:string")),
                Map.entry("SentinelHealth", List.of("-_BilledSize:real", "-_IsBillable:string", "-Reason:string", "-SourceSystem:string")),
                Map.entry("LAQueryLogs", List.of("-_BilledSize:real", "-_IsBillable:string", "-_ResourceId:string", "-_SubscriptionId:string")),
                Map.entry("Watchlist", List.of("-_BilledSize:real", "-_IsBillable:string")),
                Map.entry("HuntingBookmark", List.of()));
    }

    /** {@code +column:type} for Vigil's columns the reference lacks, {@code -column:type} for the reference's that Vigil lacks, {@code ~} for other types. */
    private static List<String> differences(List<ColumnSchema> vigil, List<ColumnSchema> reference) {
        List<String> found = new ArrayList<>();
        for (ColumnSchema column : vigil) {
            reference.stream().filter(r -> r.name().equals(column.name())).findFirst().ifPresentOrElse(
                    r -> {
                        if (r.type() != column.type()) {
                            found.add("~" + column.name() + ":" + column.type().kqlName() + " (reference " + r.type().kqlName() + ")");
                        }
                    },
                    () -> found.add("+" + column.name() + ":" + column.type().kqlName()));
        }
        for (ColumnSchema column : reference) {
            if (vigil.stream().noneMatch(v -> v.name().equals(column.name()))) {
                found.add("-" + column.name() + ":" + column.type().kqlName());
            }
        }
        return found;
    }
}
