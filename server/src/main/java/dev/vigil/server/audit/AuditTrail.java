package dev.vigil.server.audit;

import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.WorkspaceException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit events to the {@code VigilAudit} table through the ordinary ingestion path, so
 * they are group-committed with everything else and a request never waits for its audit row.
 * Every event goes to the audit workspace, which holds the complete trail; an event that
 * concerns another workspace goes there too, so that its owners see what happened in it.
 */
public final class AuditTrail {
    public static final String TABLE = "VigilAudit";
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final LogStore logStore;
    private final String auditWorkspace;

    public AuditTrail(LogStore logStore, String auditWorkspace) {
        this.logStore = logStore;
        this.auditWorkspace = auditWorkspace;
    }

    public String auditWorkspace() {
        return auditWorkspace;
    }

    /** Queues the event for the next group commit and returns at once. */
    public void record(AuditEvent event) {
        Map<String, Object> row = event.toRow();
        write(auditWorkspace, row, event);
        for (String workspace : event.workspaces()) {
            if (!workspace.equals(auditWorkspace) && logStore.workspaces().contains(workspace)) {
                write(workspace, row, event);
            }
        }
    }

    private void write(String workspace, Map<String, Object> row, AuditEvent event) {
        try {
            logStore.ingest(workspace, TABLE, List.of(row)).whenComplete((receipt, failure) -> {
                if (failure != null) {
                    LOG.error("audit event lost, commit failed: {} in workspace {}", event, workspace, failure);
                }
            });
        } catch (WorkspaceException e) {
            // the queue is full or the row was refused: the event must at least reach the log
            LOG.error("audit event not written to workspace {} ({}): {}", workspace, e.getMessage(), event);
        }
    }
}
