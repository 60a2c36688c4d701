package dev.vigil.soc.playbook.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of a run as recorded.
 *
 * @param path the step's place in the run: its id, inside a loop {@code loopId[i].id}
 * @param input the step's values once its templates were evaluated (secrets appear as their markers, never as values)
 * @param output what the step made, for the steps after it; null unless it succeeded
 * @param attempts every attempt, the last one last
 */
public record StepRun(String path, String id, String type, StepStatus status, JsonNode input, JsonNode output, String error, Instant startTime,
        Instant endTime, List<StepAttempt> attempts) {
    public StepRun {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    public int attempt() {
        return attempts.isEmpty() ? 0 : attempts.get(attempts.size() - 1).attempt();
    }

    StepRun attemptStarted(int attempt, Instant now) {
        List<StepAttempt> next = new ArrayList<>(attempts);
        next.add(new StepAttempt(attempt, now, null, null));
        return new StepRun(path, id, type, StepStatus.Running, input, null, null, startTime, null, next);
    }

    StepRun attemptFailed(String failure, Instant now, boolean last) {
        List<StepAttempt> next = new ArrayList<>(attempts);
        StepAttempt current = next.remove(next.size() - 1);
        next.add(new StepAttempt(current.attempt(), current.startTime(), now, failure));
        return new StepRun(path, id, type, last ? StepStatus.Failed : StepStatus.Running, input, null, failure, startTime, last ? now : null, next);
    }

    StepRun succeeded(JsonNode result, Instant now) {
        List<StepAttempt> next = new ArrayList<>(attempts);
        if (!next.isEmpty()) {
            StepAttempt current = next.remove(next.size() - 1);
            next.add(new StepAttempt(current.attempt(), current.startTime(), now, null));
        }
        return new StepRun(path, id, type, StepStatus.Succeeded, input, result, null, startTime, now, next);
    }
}
