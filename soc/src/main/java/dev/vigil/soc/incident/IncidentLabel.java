package dev.vigil.soc.incident;

import java.util.Objects;

/** A tag on an incident, e.g. {@code production-line-3}. */
public record IncidentLabel(String name, LabelType type) {
    static final int MAX_LENGTH = 256;

    public IncidentLabel {
        name = Objects.requireNonNullElse(name, "").strip();
        if (name.isEmpty()) {
            throw new InvalidIncidentException("a label needs a non-empty 'labelName'");
        }
        if (name.length() > MAX_LENGTH) {
            throw new InvalidIncidentException("label '" + name.substring(0, 40) + "...' is longer than " + MAX_LENGTH + " characters");
        }
        Objects.requireNonNull(type, "type");
    }

    public static IncidentLabel user(String name) {
        return new IncidentLabel(name, LabelType.USER);
    }
}
