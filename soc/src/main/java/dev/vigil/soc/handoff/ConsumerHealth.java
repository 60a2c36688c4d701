package dev.vigil.soc.handoff;

import java.time.Instant;
import java.util.Optional;

/**
 * How a consumer is doing, for health pages and metrics.
 *
 * @param position the committed position (or the position skipped to, see {@link DurableConsumer#skipTo})
 * @param failuresInARow failures of the current position; 0 after a commit
 * @param lastError the message of the latest failure, until the next commit
 * @param retryAt when the next attempt may be made, while waiting out a failure
 * @param givenUp how many positions were given up since the consumer was made
 */
public record ConsumerHealth(String name, long position, long commits, Optional<Instant> lastCommit, int failuresInARow,
        Optional<String> lastError, Optional<Instant> retryAt, long givenUp) {

    public boolean healthy() {
        return failuresInARow == 0;
    }
}
