package dev.vigil.workspace.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.TableKind;
import dev.vigil.workspace.api.TableWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The standard Log Analytics tables (689 of them, from Azure Monitor's table reference, kept in
 * {@code log-analytics-tables.json} beside this class): every workspace knows them, so that
 * Sentinel content written for them compiles. Storage for one is made when rows first arrive for
 * it; until then queries read it as an empty relation.
 *
 * <p>Vigil's own tables ({@link BuiltInTables}) keep their columns where the reference also lists
 * them. Each table here gets the standard columns it lacks ({@code TenantId} for some), and of
 * two columns whose names differ only in case one is left out (the second, or the one that is not
 * a standard column), because storage names are case-insensitive.
 */
public final class StandardTables {
    private static final String RESOURCE = "log-analytics-tables.json";

    /**
     * The standard tables that Log Analytics' Logs ingestion API lets users send rows to; the
     * ingestion API refuses the others, which Log Analytics fills from its own collectors.
     */
    static final Set<String> INGESTIBLE = Set.of("CommonSecurityLog", "Syslog", "SecurityEvent", "WindowsEvent",
            "ASimAuditEventLogs", "ASimAuthenticationEventLogs", "ASimDhcpEventLogs", "ASimDnsActivityLogs", "ASimFileEventLogs",
            "ASimNetworkSessionLogs", "ASimProcessEventLogs", "ASimRegistryEventLogs", "ASimUserManagementActivityLogs",
            "ASimWebSessionLogs", "AWSCloudTrail", "AWSCloudWatch", "AWSGuardDuty", "AWSVPCFlow", "GCPAuditLogs", "GoogleCloudSCC",
            "DeviceTvmSecureConfigurationAssessmentKB", "DeviceTvmSoftwareVulnerabilitiesKB",
            "ADAssessmentRecommendation", "AzureAssessmentRecommendation", "ExchangeAssessmentRecommendation",
            "ExchangeOnlineAssessmentRecommendation", "SCCMAssessmentRecommendation", "SCOMAssessmentRecommendation",
            "SfBAssessmentRecommendation", "SfBOnlineAssessmentRecommendation", "SharePointOnlineAssessmentRecommendation",
            "SPAssessmentRecommendation", "SQLAssessmentRecommendation", "WindowsClientAssessmentRecommendation",
            "WindowsServerAssessmentRecommendation", "UCClient", "UCClientReadinessStatus", "UCClientUpdateStatus", "UCDeviceAlert",
            "UCDOAggregatedStatus", "UCDOStatus", "UCServiceUpdateStatus", "UCUpdateAlert");

    private StandardTables() {
    }

    /** The standard table with exactly this name, unless it is one of Vigil's own. */
    public static Optional<WorkspaceTable> named(String name) {
        return Optional.ofNullable(Loaded.TABLES.get(name));
    }

    /** Every standard table but Vigil's own, by name. */
    public static Collection<WorkspaceTable> all() {
        return Loaded.TABLES.values();
    }

    /** The reference's columns for one of Vigil's own tables, to compare with Vigil's. */
    static Optional<List<ColumnSchema>> referenceColumns(String name) {
        return Optional.ofNullable(Loaded.REFERENCE.get(name));
    }

    /** Read on first use: a workspace that never names a standard table does not pay for it. */
    private static final class Loaded {
        static final Map<String, List<ColumnSchema>> REFERENCE = read();
        static final Map<String, WorkspaceTable> TABLES = tables(REFERENCE);

        private static Map<String, List<ColumnSchema>> read() {
            try (InputStream in = StandardTables.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the resource " + RESOURCE + " is missing from the workspace module");
                }
                JsonNode tables = new ObjectMapper().readTree(in).path("tables");
                Map<String, List<ColumnSchema>> byName = new LinkedHashMap<>();
                tables.fields().forEachRemaining(entry -> byName.put(entry.getKey(), columns(entry.getKey(), entry.getValue())));
                return Collections.unmodifiableMap(byName);
            } catch (IOException e) {
                throw new UncheckedIOException("the resource " + RESOURCE + " cannot be read", e);
            }
        }

        private static List<ColumnSchema> columns(String table, JsonNode pairs) {
            List<ColumnSchema> columns = new ArrayList<>();
            for (JsonNode pair : pairs) {
                String type = pair.get(1).asText();
                columns.add(new ColumnSchema(pair.get(0).asText(), KqlType.fromName(type).orElseThrow(
                        () -> new IllegalStateException("table " + table + " of " + RESOURCE + " has a column of unknown type " + type))));
            }
            return List.copyOf(columns);
        }

        private static Map<String, WorkspaceTable> tables(Map<String, List<ColumnSchema>> reference) {
            Map<String, WorkspaceTable> tables = new LinkedHashMap<>();
            reference.forEach((name, columns) -> {
                if (BuiltInTables.named(name).isEmpty()) {
                    TableWriter writer = INGESTIBLE.contains(name) ? TableWriter.CLIENTS : TableWriter.LOG_ANALYTICS;
                    tables.put(name, new WorkspaceTable(name, TableKind.STANDARD, writer, storable(columns)));
                }
            });
            return Collections.unmodifiableMap(tables);
        }

        /**
         * The standard columns first where missing, then the reference's, without case-insensitive
         * repeats; of a pair such as {@code type} and {@code Type}, the standard column stays.
         */
        private static List<ColumnSchema> storable(List<ColumnSchema> columns) {
            List<ColumnSchema> result = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (ColumnSchema standard : StandardColumns.ALL) {
                seen.add(standard.name().toLowerCase(Locale.ROOT));
                if (columns.stream().noneMatch(c -> c.name().equals(standard.name()))) {
                    result.add(standard);
                }
            }
            for (ColumnSchema column : columns) {
                if (StandardColumns.isStandard(column.name()) || seen.add(column.name().toLowerCase(Locale.ROOT))) {
                    result.add(column);
                }
            }
            return List.copyOf(result);
        }
    }
}
