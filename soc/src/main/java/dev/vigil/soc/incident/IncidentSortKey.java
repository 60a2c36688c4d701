package dev.vigil.soc.incident;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;

/** What an incident list can be sorted by; ties are broken by {@code IncidentNumber}. */
public enum IncidentSortKey {
    CREATED_TIME("createdTime", Incident::createdTime),
    LAST_MODIFIED_TIME("lastModifiedTime", Incident::lastModifiedTime),
    SEVERITY("severity", incident -> incident.severity().ordinal()),
    NUMBER("incidentNumber", Incident::number);

    private final String apiName;
    private final Function<Incident, Comparable<?>> key;

    IncidentSortKey(String apiName, Function<Incident, Comparable<?>> key) {
        this.apiName = apiName;
        this.key = key;
    }

    public String apiName() {
        return apiName;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    int compare(Incident a, Incident b) {
        return ((Comparable) key.apply(a)).compareTo(key.apply(b));
    }

    /** The key's value as text, for a page token. */
    String valueText(Incident incident) {
        return key.apply(incident).toString();
    }

    /** Compares an incident's value with one written by {@link #valueText}. */
    int compareToText(Incident incident, String text) {
        return switch (this) {
            case CREATED_TIME -> incident.createdTime().compareTo(Instant.parse(text));
            case LAST_MODIFIED_TIME -> incident.lastModifiedTime().compareTo(Instant.parse(text));
            case SEVERITY -> Integer.compare(incident.severity().ordinal(), Integer.parseInt(text));
            case NUMBER -> Long.compare(incident.number(), Long.parseLong(text));
        };
    }

    public static IncidentSortKey named(String name) {
        return Arrays.stream(values()).filter(k -> k.apiName.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new InvalidIncidentException("'$orderby' sorts by createdTime, lastModifiedTime, severity or incidentNumber, "
                        + "not '" + name + "'"));
    }
}
