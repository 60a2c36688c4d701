package dev.vigil.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/**
 * The {@code properties.retentionInDays} of a PATCH body, as Log Analytics takes it for workspaces
 * and tables: a number of days, or for a table {@code -1} or {@code null} to follow the workspace
 * default again. {@code totalRetentionInDays} is accepted only equal to it: Vigil keeps no archive.
 */
public final class RetentionPatch {
    private static final Set<String> KNOWN = Set.of("retentionInDays", "totalRetentionInDays");

    private RetentionPatch() {
    }

    /** The days asked for, {@code null} for the workspace default (tables only). */
    public static Integer days(JsonNode body, boolean defaultAllowed) {
        JsonNode properties = body == null ? null : body.get("properties");
        if (properties == null || !properties.isObject() || !properties.has("retentionInDays")) {
            throw new InvalidRequestException("the body must be {\"properties\": {\"retentionInDays\": <days>}}");
        }
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN.contains(name)) {
                throw new InvalidRequestException("properties." + name + " cannot be changed here; only retentionInDays can");
            }
        }
        JsonNode days = properties.get("retentionInDays");
        Integer value;
        if (days.isNull() || (days.isIntegralNumber() && days.asLong() == -1)) {
            if (!defaultAllowed) {
                throw new InvalidRequestException("properties.retentionInDays of a workspace must be a number of days");
            }
            value = null;
        } else if (days.isIntegralNumber() && days.canConvertToInt()) {
            value = days.intValue();
        } else {
            throw new InvalidRequestException("properties.retentionInDays must be a whole number of days, was " + days);
        }
        JsonNode total = properties.get("totalRetentionInDays");
        if (total != null && !total.isNull() && !(total.isIntegralNumber() && value != null && total.asLong() == value)) {
            throw new InvalidRequestException("properties.totalRetentionInDays must equal retentionInDays: Vigil keeps no archive beyond retention");
        }
        return value;
    }
}
