package dev.vigil.soc.playbook.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's rows of {@code LogicAppWorkflowRuntime}, as Logic Apps writes its runs: a row per
 * finished step ({@code WorkflowActionCompleted}, {@code ActionName} the step's path) in the order
 * the steps began, then one for the run's end ({@code WorkflowRunCompleted}). The same run always
 * gives the same rows, which is what lets its hand-off count them.
 */
final class WorkflowRuntimeRows {
    static final int MOST_TRACKED_CHARACTERS = 16_384;
    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkflowRuntimeRows() {
    }

    static List<Map<String, Object>> of(PlaybookRun run) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StepRun step : run.steps()) {
            if (!step.status().finished()) {
                break;
            }
            Map<String, Object> row = common(run);
            row.put("TimeGenerated", step.endTime().toString());
            row.put("OperationName", "WorkflowActionCompleted");
            row.put("ActionName", step.path());
            row.put("Status", step.status().name());
            row.put("StartTime", step.startTime().toString());
            row.put("EndTime", step.endTime().toString());
            row.put("Code", step.type());
            row.put("Error", step.error() == null ? "" : step.error());
            row.put("RetryHistory", retryHistory(step));
            ObjectNode tracked = JSON.createObjectNode();
            tracked.set("input", step.input());
            tracked.set("output", step.output());
            row.put("TrackedProperties", bounded(tracked));
            rows.add(row);
        }
        if (run.status().finished() && rows.size() == run.steps().size()) {
            Map<String, Object> row = common(run);
            row.put("TimeGenerated", run.endTime().toString());
            row.put("OperationName", "WorkflowRunCompleted");
            row.put("ActionName", "");
            row.put("Status", run.status().name());
            row.put("StartTime", run.startTime().toString());
            row.put("EndTime", run.endTime().toString());
            row.put("Code", run.status().name());
            row.put("Error", run.error() == null ? "" : run.error());
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> common(PlaybookRun run) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("WorkflowName", run.playbook());
        row.put("WorkflowId", "/workspaces/" + run.workspaceId() + "/playbooks/" + run.playbook());
        row.put("_ResourceId", "/workspaces/" + run.workspaceId() + "/playbooks/" + run.playbook());
        row.put("RunId", run.runId());
        row.put("OriginRunId", run.runId());
        row.put("TriggerName", run.trigger());
        row.put("ClientTrackingId", run.origin());
        ObjectNode tags = JSON.createObjectNode().put("version", run.version());
        if (run.incidentName() != null) {
            tags.put("incidentName", run.incidentName());
        }
        row.put("Tags", tags.toString());
        row.put("Location", "vigil");
        row.put("SourceSystem", "Vigil");
        row.put("Type", PlaybookRuns.TABLE);
        return row;
    }

    private static String retryHistory(StepRun step) {
        ArrayNode history = JSON.createArrayNode();
        for (StepAttempt attempt : step.attempts()) {
            ObjectNode entry = history.addObject();
            entry.put("attempt", attempt.attempt());
            entry.put("startTime", attempt.startTime().toString());
            entry.put("endTime", attempt.endTime() == null ? null : attempt.endTime().toString());
            entry.put("error", attempt.error());
        }
        return history.toString();
    }

    private static String bounded(JsonNode tracked) {
        String text = tracked.toString();
        return text.length() <= MOST_TRACKED_CHARACTERS ? text : text.substring(0, MOST_TRACKED_CHARACTERS) + "…";
    }
}
