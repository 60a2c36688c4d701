package dev.vigil.workspace.api;

import java.util.Objects;

/**
 * A consumer's position in whatever it reads (an alert feed, a rule's schedule, an ingestion
 * batch), committed in the same transaction as the rows it produced from what it read. After a
 * crash the consumer resumes from {@link LogStore#checkpoint(String)}: what it wrote and where it
 * was can never disagree, so it neither skips nor repeats.
 *
 * @param consumer who keeps this position, e.g. {@code connector/iot/default}
 * @param position the consumer's own measure; a stored position never moves backwards
 */
public record Checkpoint(String consumer, long position) {
    public Checkpoint {
        Objects.requireNonNull(consumer, "consumer");
        if (consumer.isBlank()) {
            throw new IllegalArgumentException("a checkpoint needs a consumer name");
        }
        if (position < 0) {
            throw new IllegalArgumentException("checkpoint position must not be negative, was " + position);
        }
    }
}
