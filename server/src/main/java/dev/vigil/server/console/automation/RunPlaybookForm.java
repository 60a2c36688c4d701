package dev.vigil.server.console.automation;

import dev.vigil.server.console.Permit;
import java.util.List;

/**
 * "Run playbook" on an incident page: the playbooks that start by hand ({@code manual} trigger),
 * where the form posts, and whether the user may run one (Responder, as in the API).
 */
public record RunPlaybookForm(List<String> playbooks, String action, String incident, Permit permit) {
}
