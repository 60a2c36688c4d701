package dev.vigil.soc.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.soc.playbook.expression.Expression;
import java.util.Objects;
import java.util.Optional;

/**
 * What every step has: an id (its output is the variable of that name for the steps after it), a
 * condition that skips it when false, and its timeout and retries.
 *
 * @param path where the step sits in the document, e.g. {@code steps[2].then[0]}
 * @param source the step as the document has it: a run records it, its templates evaluated, as the step's input
 */
public record StepHeader(String id, String path, Optional<Expression> when, StepPolicy policy, JsonNode source) {
    public StepHeader {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(policy, "policy");
    }
}
