package dev.vigil.soc.playbook.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One saved version of a playbook as its history lists it: when and by whom it was saved.
 */
public record PlaybookVersion(long version, Instant savedTimeUtc, String savedBy) {
    public PlaybookVersion {
        Objects.requireNonNull(savedTimeUtc, "savedTimeUtc");
        Objects.requireNonNull(savedBy, "savedBy");
    }
}
