package dev.vigil.soc.playbook.run;

import java.time.Instant;

/** One attempt of a step; {@code endTime} and {@code error} are null while it runs, {@code error} also when it succeeded. */
public record StepAttempt(int attempt, Instant startTime, Instant endTime, String error) {
}
