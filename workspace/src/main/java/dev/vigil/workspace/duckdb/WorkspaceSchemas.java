package dev.vigil.workspace.duckdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which DuckDB schema holds each workspace's log tables, recorded with the workspace.
 *
 * <p>DuckDB matches identifiers regardless of case, quoted ones too, so schema names must differ in
 * more than case. A workspace id is ASCII (no Unicode folding or normalisation can join two of
 * them) and unique regardless of case, so a new workspace's schema is {@code ws_} and its id in
 * lower case: distinct ids give distinct schemas under any folding.
 *
 * <p>Data directories from before recorded no schema: each workspace used {@code ws_<id>} as
 * written, and ids differing only in case could both be created, so two workspaces could share a
 * schema. On opening, each such workspace keeps its schema, oldest first, unless an earlier one
 * already holds it; then it moves to a schema of its own, taking its rows with it
 * ({@link SharedSchemaSplit}).
 */
final class WorkspaceSchemas {
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceSchemas.class);
    private static final String PREFIX = "ws_";
    /** Not a character of workspace ids, so a schema split off never takes a new workspace's name. */
    private static final char SPLIT_MARK = '~';

    private WorkspaceSchemas() {
    }

    /** The schema of a workspace created now. */
    static String of(String workspaceId) {
        return PREFIX + workspaceId.toLowerCase(Locale.ROOT);
    }

    /** The schema a workspace used before schemas were recorded. */
    static String unrecorded(String workspaceId) {
        return PREFIX + workspaceId;
    }

    /**
     * Records the schema of every workspace that has none, splitting off those that share one with
     * an earlier workspace. Runs inside the caller's transaction.
     *
     * @param workspaces every workspace, oldest first, those without a recorded schema carrying {@link #unrecorded}
     * @param unrecorded ids of the workspaces whose schema is not recorded yet
     * @return the workspaces again, with the schemas they now have
     */
    static Map<String, Workspace> recordUnrecorded(Connection connection, Map<String, Workspace> workspaces, Set<String> unrecorded)
            throws SQLException {
        Map<String, Workspace> assigned = new LinkedHashMap<>(workspaces);
        Map<String, String> holders = new HashMap<>();
        for (Workspace workspace : workspaces.values()) {
            if (!unrecorded.contains(workspace.id())) {
                holders.put(folded(workspace.schema()), workspace.id());
            }
        }
        Set<String> unavailable = existingSchemas(connection);
        List<Workspace> toSplit = new ArrayList<>();
        for (Workspace workspace : workspaces.values()) {
            if (unrecorded.contains(workspace.id()) && holders.putIfAbsent(folded(workspace.schema()), workspace.id()) != null) {
                toSplit.add(workspace);
            }
        }
        for (Workspace workspace : toSplit) {
            String own = freeName(workspace.id(), unavailable, holders.keySet());
            holders.put(folded(own), workspace.id());
            LOG.warn("workspace '{}' shared the schema {} with workspace '{}', whose id differs only in case; moving its tables and rows to {}",
                    workspace.id(), workspace.schema(), holders.get(folded(workspace.schema())), own);
            SharedSchemaSplit.split(connection, workspace, own, sharers(assigned.values(), workspace));
            assigned.put(workspace.id(), workspace.inSchema(own));
        }
        try (PreparedStatement record = connection.prepareStatement(
                "UPDATE " + ControlSchema.WORKSPACES + " SET storage_schema = ? WHERE id = ?")) {
            for (String id : unrecorded) {
                record.setString(1, assigned.get(id).schema());
                record.setString(2, id);
                record.executeUpdate();
            }
        }
        return assigned;
    }

    /**
     * Refuses to go on if two workspaces' schemas meet regardless of case: whatever wrote them, the
     * workspaces would read and write each other's tables.
     */
    static void requireDistinct(Collection<Workspace> workspaces) {
        Map<String, String> holders = new HashMap<>();
        for (Workspace workspace : workspaces) {
            String other = holders.putIfAbsent(folded(workspace.schema()), workspace.id());
            if (other != null) {
                throw new IllegalStateException("workspaces '" + other + "' and '" + workspace.id() + "' are both recorded with the schema "
                        + workspace.schema() + "; each workspace needs a schema of its own");
            }
        }
    }

    /** The workspaces other than {@code leaving} that stay in its schema. */
    private static List<Workspace> sharers(Collection<Workspace> workspaces, Workspace leaving) {
        return workspaces.stream()
                .filter(w -> !w.id().equals(leaving.id()) && folded(w.schema()).equals(folded(leaving.schema())))
                .toList();
    }

    private static String freeName(String workspaceId, Set<String> existing, Set<String> held) {
        for (int n = 2; ; n++) {
            String name = of(workspaceId) + SPLIT_MARK + n;
            if (!existing.contains(folded(name)) && !held.contains(folded(name))) {
                return name;
            }
        }
    }

    private static Set<String> existingSchemas(Connection connection) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT schema_name FROM information_schema.schemata")) {
            while (rows.next()) {
                names.add(folded(rows.getString(1)));
            }
        }
        return names;
    }

    /** A name as DuckDB compares identifiers: ASCII letters regardless of case. */
    static String folded(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
