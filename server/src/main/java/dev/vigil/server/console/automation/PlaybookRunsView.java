package dev.vigil.server.console.automation;

import java.util.List;

/** A playbook's latest runs, newest first, each linking to its detail. */
public record PlaybookRunsView(List<Row> rows) {

    public record Row(String runId, String href, String status, String trigger, String origin, String started, String duration, String error) {
    }
}
