package dev.vigil.soc.playbook.store;

import dev.vigil.soc.playbook.PlaybookException;
import java.util.Optional;

/** A save that named a version ({@code If-Match}) the playbook is no longer (or not) at. */
public final class PlaybookVersionConflictException extends PlaybookException {

    PlaybookVersionConflictException(String name, String wanted, Optional<Long> current) {
        super("playbook '" + name + "' is " + current.map(version -> "at version " + version).orElse("not saved yet") + ", not at version " + wanted);
    }

    @Override
    public String code() {
        return "PreconditionFailed";
    }

    @Override
    public int status() {
        return 412;
    }
}
