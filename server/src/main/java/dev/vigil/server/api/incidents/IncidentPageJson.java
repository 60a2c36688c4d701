package dev.vigil.server.api.incidents;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A page of a list, as ARM lists are shaped; {@code nextLink} is present when more follow. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IncidentPageJson<T>(List<T> value, String nextLink) {
}
