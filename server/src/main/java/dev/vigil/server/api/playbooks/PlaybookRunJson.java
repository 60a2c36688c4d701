package dev.vigil.server.api.playbooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.playbook.run.PlaybookRun;
import dev.vigil.soc.playbook.run.StepAttempt;
import dev.vigil.soc.playbook.run.StepRun;
import java.time.Instant;

/** A run as the API answers it: the run, then each step with its input, output, error, timing and attempts. */
final class PlaybookRunJson {
    private PlaybookRunJson() {
    }

    static ObjectNode summary(PlaybookRun run) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("runId", run.runId());
        node.put("playbook", run.playbook());
        node.put("version", run.version());
        node.put("status", run.status().name());
        node.put("trigger", run.trigger());
        node.put("origin", run.origin());
        node.put("incidentName", run.incidentName());
        node.put("startTime", text(run.startTime()));
        node.put("endTime", text(run.endTime()));
        node.put("error", run.error());
        return node;
    }

    static ObjectNode write(PlaybookRun run) {
        ObjectNode node = summary(run);
        node.set("inputs", run.inputs());
        ArrayNode steps = node.putArray("steps");
        for (StepRun step : run.steps()) {
            ObjectNode s = steps.addObject();
            s.put("path", step.path());
            s.put("id", step.id());
            s.put("type", step.type());
            s.put("status", step.status().name());
            s.put("attempt", step.attempt());
            s.set("input", step.input());
            s.set("output", step.output());
            s.put("error", step.error());
            s.put("startTime", text(step.startTime()));
            s.put("endTime", text(step.endTime()));
            ArrayNode attempts = s.putArray("attempts");
            for (StepAttempt attempt : step.attempts()) {
                attempts.addObject().put("attempt", attempt.attempt()).put("startTime", text(attempt.startTime()))
                        .put("endTime", text(attempt.endTime())).put("error", attempt.error());
            }
        }
        return node;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
