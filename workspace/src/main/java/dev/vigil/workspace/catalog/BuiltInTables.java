package dev.vigil.workspace.catalog;

import static dev.vigil.kql.types.KqlType.BOOL;
import static dev.vigil.kql.types.KqlType.DATETIME;
import static dev.vigil.kql.types.KqlType.DYNAMIC;
import static dev.vigil.kql.types.KqlType.GUID;
import static dev.vigil.kql.types.KqlType.INT;
import static dev.vigil.kql.types.KqlType.REAL;
import static dev.vigil.kql.types.KqlType.STRING;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.TableKind;
import dev.vigil.workspace.api.TableWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tables every workspace starts with, column for column as Log Analytics defines them
 * (see {@code shared/reference/defender-sentinel-model.md}, section 1).
 *
 * <p>Every table here is written by Vigil alone ({@link TableWriter#VIGIL}), so the ingestion
 * API refuses it; declare another such table with {@code systemTable}. A standard table that Log
 * Analytics lets users ingest into would be declared with {@link TableWriter#CLIENTS} instead.
 */
public final class BuiltInTables {
    public static final WorkspaceTable SECURITY_ALERT = systemTable("SecurityAlert",
            "TenantId", STRING,
            "TimeGenerated", DATETIME,
            "DisplayName", STRING,
            "AlertName", STRING,
            "AlertSeverity", STRING,
            "Description", STRING,
            "ProviderName", STRING,
            "VendorName", STRING,
            "VendorOriginalId", STRING,
            "SystemAlertId", STRING,
            "ResourceId", STRING,
            "SourceComputerId", STRING,
            "AlertType", STRING,
            "ConfidenceLevel", STRING,
            "ConfidenceScore", REAL,
            "IsIncident", BOOL,
            "StartTime", DATETIME,
            "EndTime", DATETIME,
            "ProcessingEndTime", DATETIME,
            "RemediationSteps", STRING,
            "ExtendedProperties", STRING,
            "Entities", STRING,
            "SourceSystem", STRING,
            "WorkspaceSubscriptionId", STRING,
            "WorkspaceResourceGroup", STRING,
            "ExtendedLinks", STRING,
            "ProductName", STRING,
            "ProductComponentName", STRING,
            "AlertLink", STRING,
            "Status", STRING,
            "CompromisedEntity", STRING,
            "Tactics", STRING,
            "Techniques", STRING,
            "SubTechniques", STRING,
            "Type", STRING,
            "_BilledSize", REAL,
            "_IsBillable", STRING);

    public static final WorkspaceTable SECURITY_INCIDENT = systemTable("SecurityIncident",
            "TenantId", STRING,
            "TimeGenerated", DATETIME,
            "IncidentName", STRING,
            "Title", STRING,
            "Description", STRING,
            "Severity", STRING,
            "Status", STRING,
            "Classification", STRING,
            "ClassificationComment", STRING,
            "ClassificationReason", STRING,
            "Owner", DYNAMIC,
            "ProviderName", STRING,
            "ProviderIncidentId", STRING,
            "FirstActivityTime", DATETIME,
            "LastActivityTime", DATETIME,
            "FirstModifiedTime", DATETIME,
            "LastModifiedTime", DATETIME,
            "CreatedTime", DATETIME,
            "ClosedTime", DATETIME,
            "IncidentNumber", INT,
            "RelatedAnalyticRuleIds", DYNAMIC,
            "AlertIds", DYNAMIC,
            "BookmarkIds", DYNAMIC,
            "Comments", DYNAMIC,
            "Tasks", DYNAMIC,
            "Labels", DYNAMIC,
            "IncidentUrl", STRING,
            "AdditionalData", DYNAMIC,
            "ModifiedBy", STRING,
            "SourceSystem", STRING,
            "Type", STRING);

    public static final WorkspaceTable SECURITY_IOT_RAW_EVENT = systemTable("SecurityIoTRawEvent",
            "TenantId", STRING,
            "TimeGenerated", DATETIME,
            "AssociatedResourceId", STRING,
            "AzureSubscriptionId", STRING,
            "DeviceId", STRING,
            "AgentVersion", STRING,
            "IoTRawEventId", STRING,
            "RawEventCategory", STRING,
            "RawEventName", STRING,
            "RawEventType", STRING,
            "EventDetails", STRING,
            "IsEmpty", BOOL,
            "TimeStamp", DATETIME,
            "Type", STRING,
            "_BilledSize", REAL,
            "_IsBillable", STRING);

    /**
     * Vigil's own audit trail: authentication failures, role and key changes and every
     * state-changing API call, one row each. Named in the style of {@code AzureActivity} and
     * {@code LAQueryLogs}, whose column names it borrows where they mean the same.
     */
    public static final WorkspaceTable VIGIL_AUDIT = systemTable("VigilAudit",
            "TenantId", STRING,
            "TimeGenerated", DATETIME,
            "OperationName", STRING,
            "Category", STRING,
            "Caller", STRING,
            "AuthenticationMethod", STRING,
            "ApiKeyId", STRING,
            "CallerIpAddress", STRING,
            "HttpMethod", STRING,
            "RequestPath", STRING,
            "Scope", STRING,
            "StatusCode", INT,
            "Outcome", STRING,
            "ErrorCode", STRING,
            "ResultDescription", STRING,
            "DurationMs", REAL,
            "CorrelationId", GUID,
            "Properties", DYNAMIC,
            "Type", STRING);

    /**
     * Health of Sentinel's own machinery, one row per operation; analytics rules write a row per run
     * (operation "Scheduled analytics rule run" or "NRT analytics rule run").
     */
    public static final WorkspaceTable SENTINEL_HEALTH = systemTable("SentinelHealth",
            "TenantId", STRING,
            "TimeGenerated", DATETIME,
            "OperationName", STRING,
            "SentinelResourceId", STRING,
            "SentinelResourceName", STRING,
            "Status", STRING,
            "Description", STRING,
            "WorkspaceId", STRING,
            "SentinelResourceType", STRING,
            "SentinelResourceKind", STRING,
            "RecordId", STRING,
            "ExtendedProperties", DYNAMIC,
            "Type", STRING);

    /**
     * The query log, column for column as Log Analytics defines it: one row per query sent to the
     * query API, written by Vigil (see {@code docs/security.md} for what each column holds).
     */
    public static final WorkspaceTable LA_QUERY_LOGS = systemTable("LAQueryLogs",
            "TenantId", STRING,
            "TimeGenerated", DATETIME,
            "AADClientId", STRING,
            "AADEmail", STRING,
            "AADObjectId", STRING,
            "AADTenantId", STRING,
            "CorrelationId", STRING,
            "IsBillableQuery", BOOL,
            "IsWorkspaceInFailover", BOOL,
            "QueryText", STRING,
            "QueryTimeRangeEnd", DATETIME,
            "QueryTimeRangeStart", DATETIME,
            "RequestClientApp", STRING,
            "RequestContext", DYNAMIC,
            "RequestContextFilters", DYNAMIC,
            "RequestTarget", STRING,
            "ResponseCode", INT,
            "ResponseDurationMs", REAL,
            "ResponseRowCount", INT,
            "ScannedGB", REAL,
            "SourceSystem", STRING,
            "StatsCPUTimeMs", REAL,
            "StatsDataProcessedEnd", DATETIME,
            "StatsDataProcessedStart", DATETIME,
            "StatsRegionCount", INT,
            "StatsWorkspaceCount", INT,
            "WorkspaceRegion", STRING,
            "Type", STRING);

    /**
     * Watchlists as Sentinel keeps them: a row per change of a watchlist or of one of its items,
     * the item's values in {@code WatchlistItem}; {@code _GetWatchlist('alias')} reads each item's
     * latest row ({@code _DTItemId}, {@code _DTTimestamp}) unless it deletes the item.
     */
    public static final WorkspaceTable WATCHLIST = systemTable("Watchlist",
            "TenantId", STRING,
            "TimeGenerated", DATETIME,
            "AzureTenantId", STRING,
            "WatchlistId", STRING,
            "WatchlistName", STRING,
            "WatchlistAlias", STRING,
            "WatchlistCategory", STRING,
            "Source", STRING,
            "Provider", STRING,
            "SearchKey", STRING,
            "WatchlistItemId", STRING,
            "WatchlistItem", DYNAMIC,
            "CreatedBy", DYNAMIC,
            "UpdatedBy", DYNAMIC,
            "CreatedTimeUTC", DATETIME,
            "LastUpdatedTimeUTC", DATETIME,
            "DefaultDuration", STRING,
            "TimeToLive", DATETIME,
            "Notes", STRING,
            "Tags", STRING,
            "EntityMapping", DYNAMIC,
            "CorrelationId", STRING,
            "SourceSystem", STRING,
            "_DTItemId", STRING,
            "_DTItemType", STRING,
            "_DTItemStatus", STRING,
            "_DTTimestamp", DATETIME,
            "Type", STRING);

    /**
     * Hunting bookmarks as Sentinel keeps them, column for column as the reference has them: a row
     * per change of a bookmark (created, updated, deleted with {@code SoftDeleted}), the bookmarked
     * result row as JSON in {@code QueryResultRow}; a bookmark's current state is its latest row.
     */
    public static final WorkspaceTable HUNTING_BOOKMARK = systemTable("HuntingBookmark",
            "TenantId", STRING,
            "TimeGenerated", DATETIME,
            "BookmarkId", STRING,
            "BookmarkName", STRING,
            "BookmarkType", STRING,
            "CreatedBy", STRING,
            "CreatedTime", DATETIME,
            "UpdatedBy", STRING,
            "LastUpdatedTime", DATETIME,
            "EventTime", DATETIME,
            "Entities", STRING,
            "Notes", STRING,
            "Tags", STRING,
            "QueryText", STRING,
            "QueryResultRow", STRING,
            "QueryStartTime", DATETIME,
            "QueryEndTime", DATETIME,
            "SoftDeleted", BOOL,
            "SourceSystem", STRING,
            "Type", STRING,
            "_ResourceId", STRING,
            "_SubscriptionId", STRING,
            "_BilledSize", REAL,
            "_IsBillable", STRING);

    public static final List<WorkspaceTable> ALL = List.of(SECURITY_ALERT, SECURITY_INCIDENT, SECURITY_IOT_RAW_EVENT, VIGIL_AUDIT, SENTINEL_HEALTH,
            LA_QUERY_LOGS, WATCHLIST, HUNTING_BOOKMARK);

    private BuiltInTables() {
    }

    public static Optional<WorkspaceTable> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** A table that Vigil alone writes, from alternating column names and types (keeping the listing readable). */
    private static WorkspaceTable systemTable(String name, Object... namesAndTypes) {
        List<ColumnSchema> columns = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.add(new ColumnSchema((String) namesAndTypes[i], (KqlType) namesAndTypes[i + 1]));
        }
        return new WorkspaceTable(name, TableKind.BUILT_IN, TableWriter.VIGIL, columns);
    }
}
