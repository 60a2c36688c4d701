package dev.vigil.kql.binder;

import java.time.Instant;

/** Restricts every table with a {@code TimeGenerated} column to {@code start <= TimeGenerated < end}. */
public record TimeFilter(Instant start, Instant end) {
}
