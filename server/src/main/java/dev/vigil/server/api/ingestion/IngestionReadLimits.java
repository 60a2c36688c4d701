package dev.vigil.server.api.ingestion;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.workspace.api.IngestionLimits;
import java.util.Locale;

/**
 * The limits on what an ingestion body's JSON may hold while it is read, and their breaches in
 * Vigil's words. Strings stop at {@link IngestionLimits#MAX_TEXT_CHARS}, the workspace's own
 * limit, so that an over-long value is refused as soon as it is read past the limit rather than
 * after the whole of it has been held in memory; numbers, names and nesting keep the JSON
 * parser's limits, which no log row comes near.
 */
final class IngestionReadLimits {
    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxStringLength(IngestionLimits.MAX_TEXT_CHARS)
            .build();

    private IngestionReadLimits() {
    }

    /** A copy of the API's mapper whose parsers apply these limits. */
    static ObjectMapper apply(ObjectMapper mapper) {
        ObjectMapper limited = mapper.copy();
        limited.getFactory().setStreamReadConstraints(CONSTRAINTS);
        return limited;
    }

    /** What the row breaks, without the parser's internals. */
    static String reason(StreamConstraintsException e) {
        String message = e.getOriginalMessage();
        if (message.startsWith("String value length")) {
            return String.format(Locale.ROOT, "the value is longer than %,d characters, the most a string or dynamic value holds",
                    CONSTRAINTS.getMaxStringLength());
        }
        if (message.startsWith("Number value length")) {
            return String.format(Locale.ROOT, "the number has more than %,d digits", CONSTRAINTS.getMaxNumberLength());
        }
        if (message.startsWith("Name length")) {
            return String.format(Locale.ROOT, "a property name is longer than %,d characters", CONSTRAINTS.getMaxNameLength());
        }
        if (message.startsWith("Document nesting depth")) {
            return String.format(Locale.ROOT, "the value nests objects and arrays more than %,d deep", CONSTRAINTS.getMaxNestingDepth());
        }
        return "the value is larger than the JSON reader takes";
    }
}
