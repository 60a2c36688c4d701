package dev.vigil.soc.incident;

import java.util.Comparator;
import java.util.Objects;

/** The order of an incident list: a key and a direction, then {@code IncidentNumber} in the same direction. */
public record IncidentOrder(IncidentSortKey key, boolean descending) {
    /** Newest first, as Sentinel's incident queue shows them. */
    public static final IncidentOrder NEWEST_FIRST = new IncidentOrder(IncidentSortKey.CREATED_TIME, true);

    public IncidentOrder {
        Objects.requireNonNull(key, "key");
    }

    /** Parses {@code $orderby}: a key name, then optionally {@code asc} or {@code desc} (the default is {@code asc}). */
    public static IncidentOrder parse(String text) {
        String[] words = text.strip().split("\\s+");
        if (words.length > 2 || words[0].isEmpty()) {
            throw new InvalidIncidentException("'$orderby' is a key and optionally asc or desc, e.g. 'createdTime desc'; was '" + text + "'");
        }
        boolean descending = false;
        if (words.length == 2) {
            if (!words[1].equalsIgnoreCase("asc") && !words[1].equalsIgnoreCase("desc")) {
                throw new InvalidIncidentException("'$orderby' direction is asc or desc, not '" + words[1] + "'");
            }
            descending = words[1].equalsIgnoreCase("desc");
        }
        return new IncidentOrder(IncidentSortKey.named(words[0]), descending);
    }

    Comparator<Incident> comparator() {
        Comparator<Incident> ascending = ((Comparator<Incident>) key::compare).thenComparingLong(Incident::number);
        return descending ? ascending.reversed() : ascending;
    }

    /** Whether the incident comes after the position (sort value, number) in this order. */
    boolean isAfter(Incident incident, String value, long number) {
        int byKey = key.compareToText(incident, value);
        int compared = byKey != 0 ? byKey : Long.compare(incident.number(), number);
        return descending ? compared < 0 : compared > 0;
    }

    /** As {@code $orderby} writes it. */
    public String text() {
        return key.apiName() + (descending ? " desc" : " asc");
    }
}
