package dev.vigil.soc.incident;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which incidents to list and how: filters (all must hold; an empty set means any), an order,
 * and a page of at most {@code top} after the position a page token names.
 *
 * @param owner matches any of the owner's fields, ignoring case
 * @param label a label name the incident has, ignoring case
 * @param createdFrom inclusive; {@code createdTo} exclusive
 * @param titleContains a part of the title, ignoring case
 * @param skipToken from a previous page's {@link IncidentPage#skipToken()}, with the same order
 */
public record IncidentQuery(Set<IncidentStatus> statuses, Set<IncidentSeverity> severities, Optional<String> owner, Optional<String> label,
        Optional<Instant> createdFrom, Optional<Instant> createdTo, Optional<String> titleContains, IncidentOrder order, int top,
        Optional<String> skipToken) {
    public static final int DEFAULT_TOP = 50;
    public static final int MAX_TOP = 1_000;

    public IncidentQuery {
        statuses = Set.copyOf(statuses);
        severities = Set.copyOf(severities);
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdTo, "createdTo");
        Objects.requireNonNull(titleContains, "titleContains");
        Objects.requireNonNull(order, "order");
        if (top < 1 || top > MAX_TOP) {
            throw new InvalidIncidentException("'$top' must be from 1 to " + MAX_TOP + ", was " + top);
        }
        Objects.requireNonNull(skipToken, "skipToken");
    }

    /** Every incident, newest first, the first page. */
    public static IncidentQuery all() {
        return new IncidentQuery(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                IncidentOrder.NEWEST_FIRST, DEFAULT_TOP, Optional.empty());
    }

    boolean matches(Incident incident) {
        return (statuses.isEmpty() || statuses.contains(incident.status()))
                && (severities.isEmpty() || severities.contains(incident.severity()))
                && owner.map(incident.owner()::matches).orElse(true)
                && label.map(name -> incident.labels().stream().anyMatch(l -> l.name().equalsIgnoreCase(name.strip()))).orElse(true)
                && createdFrom.map(from -> !incident.createdTime().isBefore(from)).orElse(true)
                && createdTo.map(to -> incident.createdTime().isBefore(to)).orElse(true)
                && titleContains.map(part -> incident.title().toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT))).orElse(true);
    }
}
