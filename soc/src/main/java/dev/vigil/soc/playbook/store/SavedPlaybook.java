package dev.vigil.soc.playbook.store;

import dev.vigil.soc.playbook.Playbook;

/** A playbook as saved; {@code created} when it is the first version. */
public record SavedPlaybook(Playbook playbook, boolean created) {
}
