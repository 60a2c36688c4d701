package dev.vigil.server.api.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.api.InvalidRequestException;
import dev.vigil.soc.hunting.BookmarkEdit;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An edit of a bookmark as {@code PATCH} takes it: {@code {"properties":{"displayName","notes",
 * "labels","tactics","techniques","eventTime"}}}, each member given replacing the bookmark's. Any
 * other member is refused by name, so that a misspelt one is not dropped unseen.
 */
final class BookmarkEditRequest {
    static final Set<String> MEMBERS = new TreeSet<>(Set.of("displayName", "notes", "labels", "tactics", "techniques", "eventTime"));

    private BookmarkEditRequest() {
    }

    static BookmarkEdit read(JsonNode body) {
        JsonNode properties = body == null ? null : body.get("properties");
        if (properties == null || !properties.isObject()) {
            throw new InvalidRequestException("A bookmark edit needs {\"properties\":{...}} with any of " + String.join(", ", MEMBERS) + ".");
        }
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                String why = name.equals("severity") ? " (a bookmark has no severity in Sentinel; the incident it is attached to has one)" : "";
                throw new InvalidRequestException("properties." + name + " cannot be edited" + why + "; an edit takes " + String.join(", ", MEMBERS) + ".");
            }
        }
        return new BookmarkEdit(text(properties, "displayName"), text(properties, "notes"), BookmarkRequest.strings(properties, "labels"),
                BookmarkRequest.strings(properties, "tactics"), BookmarkRequest.strings(properties, "techniques"),
                Optional.ofNullable(HuntingRoutes.time(properties, "eventTime")));
    }

    private static Optional<String> text(JsonNode properties, String member) {
        JsonNode value = properties.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException("properties." + member + " must be a string; was " + value);
        }
        return Optional.of(value.asText());
    }
}
