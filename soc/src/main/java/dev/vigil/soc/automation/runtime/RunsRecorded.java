package dev.vigil.soc.automation.runtime;

/**
 * How far automation has recorded the playbook runs of a workspace's changes: a state document
 * written in the same transaction as the runs it started. The runs of every change up to
 * {@code through} are recorded, and those of later changes are not, so acting on a change again
 * after a crash knows, without reading a run, whether its runs exist.
 */
record RunsRecorded(String workspaceId, long through) {
}
