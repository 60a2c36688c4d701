package dev.vigil.soc.incident;

import java.util.List;
import java.util.Optional;

/** One page of an incident list; {@code skipToken} is present when more incidents follow. */
public record IncidentPage(List<Incident> incidents, Optional<String> skipToken) {
    public IncidentPage {
        incidents = List.copyOf(incidents);
    }
}
