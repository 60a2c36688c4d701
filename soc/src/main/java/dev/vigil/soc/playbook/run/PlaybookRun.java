package dev.vigil.soc.playbook.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run of a playbook version, as recorded.
 *
 * @param trigger what started it: {@code incident}, {@code alert}, {@code entity}, {@code manual} or {@code schedule}
 * @param origin who or what asked for it: {@code automationRule/<id>/<change>}, a user, {@code schedule/<time>}
 * @param incidentName the incident it acts on, if any
 * @param inputs the values the run started with (the incident as it was then, its alerts and entities...), so that a
 *     resumed run sees what the first attempt saw
 * @param steps the steps begun, in the order they began
 */
public record PlaybookRun(String workspaceId, String playbook, long version, String runId, String trigger, String origin, String incidentName,
        RunStatus status, JsonNode inputs, List<StepRun> steps, String error, Instant startTime, Instant endTime) {
    public PlaybookRun {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public Optional<String> incident() {
        return Optional.ofNullable(incidentName);
    }

    public Optional<StepRun> step(String path) {
        return steps.stream().filter(step -> step.path().equals(path)).findFirst();
    }

    PlaybookRun with(StepRun step) {
        List<StepRun> next = new ArrayList<>(steps);
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).path().equals(step.path())) {
                next.set(i, step);
                return new PlaybookRun(workspaceId, playbook, version, runId, trigger, origin, incidentName, status, inputs, next, error, startTime,
                        endTime);
            }
        }
        next.add(step);
        return new PlaybookRun(workspaceId, playbook, version, runId, trigger, origin, incidentName, status, inputs, next, error, startTime, endTime);
    }

    PlaybookRun running() {
        return new PlaybookRun(workspaceId, playbook, version, runId, trigger, origin, incidentName, RunStatus.Running, inputs, steps, null, startTime,
                null);
    }

    PlaybookRun finished(RunStatus outcome, String failure, Instant now) {
        return new PlaybookRun(workspaceId, playbook, version, runId, trigger, origin, incidentName, outcome, inputs, steps, failure, startTime, now);
    }
}
