package dev.vigil.workspace.catalog;

/**
 * Column names no custom table may declare and no row may send: every name starting with
 * {@code _}. Log Analytics keeps those for the system columns it fills itself ({@code _ResourceId},
 * {@code _SubscriptionId}, {@code _ItemId}, {@code _TimeReceived}, {@code _IsBillable},
 * {@code _BilledSize}), and Vigil for the hidden columns it stores beside every table's own.
 * Matching the prefix rather than a list keeps a name Vigil or Log Analytics adds later free.
 */
public final class ReservedColumns {
    /**
     * The hidden column holding the ingestion batch each row was committed in. It is not part of
     * any table's KQL schema: scans name their columns, so queries never see it.
     */
    public static final String INGEST_BATCH = "_IngestBatch";
    /**
     * The hidden column holding when each row was ingested (its group commit's time), which
     * {@code ingestion_time()} reads. Rows stored before it was kept have none: null.
     */
    public static final String INGESTION_TIME = "_IngestionTime";
    private static final String PREFIX = "_";

    private ReservedColumns() {
    }

    public static boolean isReserved(String columnName) {
        return columnName.startsWith(PREFIX);
    }

    /** Why a reserved name is refused, for messages at table creation and ingestion alike. */
    public static String reason(String columnName) {
        return "column name '" + columnName + "' is reserved: names starting with '" + PREFIX
                + "' belong to the system columns that Log Analytics and Vigil fill themselves";
    }
}
