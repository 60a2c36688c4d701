package dev.vigil.server.console.automation;

import java.util.List;

/**
 * A playbook: its document in the editor ({@code editor}), its version, its history and its latest runs.
 *
 * @param versions the versions saved so far, newest first (each save is one; runs name theirs)
 */
public record PlaybookPage(DocumentEditPage editor, long version, List<Version> versions, PlaybookRunsView runs) {

    /** A saved version: when, by whom, and where to see it. */
    public record Version(long version, String saved, String savedBy, String href) {
    }
}
