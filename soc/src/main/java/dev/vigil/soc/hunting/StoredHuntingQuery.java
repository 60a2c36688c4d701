package dev.vigil.soc.hunting;

/** A hunting query as the state store keeps it: with its workspace, so that a workspace's queries can be listed. */
record StoredHuntingQuery(String workspaceId, HuntingQuery query) {
}
