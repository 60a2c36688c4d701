package dev.vigil.soc.incident;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change of an incident's properties; what is empty stays as it is. Setting the status to
 * Closed needs a {@link Closure}; setting Active on a Closed incident reopens it.
 */
public record IncidentUpdate(Optional<String> title, Optional<String> description, Optional<IncidentSeverity> severity,
        Optional<IncidentStatus> status, Optional<Closure> closure, Optional<IncidentOwner> owner, Optional<List<IncidentLabel>> labels) {

    public IncidentUpdate {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(closure, "closure");
        Objects.requireNonNull(owner, "owner");
        labels = labels.map(List::copyOf);
    }

    public static IncidentUpdate none() {
        return new IncidentUpdate(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Closed with this classification. */
    public static IncidentUpdate close(Closure closure) {
        return none().withStatus(IncidentStatus.CLOSED).withClosure(closure);
    }

    /** Closed back to Active, its classification cleared. */
    public static IncidentUpdate reopen() {
        return none().withStatus(IncidentStatus.ACTIVE);
    }

    public IncidentUpdate withTitle(String value) {
        return new IncidentUpdate(Optional.of(value), description, severity, status, closure, owner, labels);
    }

    public IncidentUpdate withDescription(String value) {
        return new IncidentUpdate(title, Optional.of(value), severity, status, closure, owner, labels);
    }

    public IncidentUpdate withSeverity(IncidentSeverity value) {
        return new IncidentUpdate(title, description, Optional.of(value), status, closure, owner, labels);
    }

    public IncidentUpdate withStatus(IncidentStatus value) {
        return new IncidentUpdate(title, description, severity, Optional.of(value), closure, owner, labels);
    }

    public IncidentUpdate withClosure(Closure value) {
        return new IncidentUpdate(title, description, severity, status, Optional.of(value), owner, labels);
    }

    public IncidentUpdate withOwner(IncidentOwner value) {
        return new IncidentUpdate(title, description, severity, status, closure, Optional.of(value), labels);
    }

    public IncidentUpdate withLabels(List<IncidentLabel> value) {
        return new IncidentUpdate(title, description, severity, status, closure, owner, Optional.of(value));
    }
}
