package dev.vigil.soc.automation;

import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentComment;
import dev.vigil.soc.incident.IncidentLabel;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The arrays a {@code PropertyArrayChanged} condition can watch for added items, with the
 * {@code SecurityIncident} column their earlier items are kept under and how items are told apart.
 */
public enum ChangedArray {
    Alerts("AlertIds", Incident::alertIds),
    Labels("Labels", incident -> incident.labels().stream().map(IncidentLabel::name).toList()),
    Tactics("Tactics", Incident::tactics),
    Comments("Comments", incident -> incident.comments().stream().map(IncidentComment::id).toList());

    private final String column;
    private final Function<Incident, List<String>> items;

    ChangedArray(String column, Function<Incident, List<String>> items) {
        this.column = column;
        this.items = items;
    }

    String column() {
        return column;
    }

    List<String> itemsOf(Incident incident) {
        return items.apply(incident);
    }

    public static Optional<ChangedArray> named(String name) {
        return Arrays.stream(values()).filter(value -> value.name().equals(name)).findFirst();
    }
}
