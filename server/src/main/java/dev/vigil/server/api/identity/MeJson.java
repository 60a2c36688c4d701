package dev.vigil.server.api.identity;

import java.util.List;

/** {@code GET /api/me}: who the caller is and what it may do. */
record MeJson(String user, String authenticationMethod, String apiKeyId, List<Object> roleAssignments) {
}
