package dev.vigil.workspace.api;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether storage takes writes, as its last probe or write found.
 *
 * @param writable whether writes commit
 * @param since when storage entered this state
 * @param reason why writes fail, empty while they commit; names files only by their path within
 *               the data directory, so it may be shown to anyone
 */
public record StorageHealth(boolean writable, Instant since, String reason) {
    public StorageHealth {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(reason, "reason");
    }
}
