package dev.vigil.workspace.api;

import dev.vigil.kql.KqlQuoting;
import java.time.Duration;
import java.time.Instant;

/**
 * Values written into the KQL text of a {@link QueryRequest} by code that builds queries (incident
 * creation, suppression, detection history, connectors). Every such value goes through here, so a
 * quote, backslash or line break in an id or a name stays part of the value; the rules are the kql
 * module's {@link KqlQuoting}, offered here so that modules reach KQL through the workspace API only.
 */
public final class QueryLiterals {
    private QueryLiterals() {
    }

    /** {@code value} as a string literal ({@code "it's \"quoted\""}). */
    public static String string(String value) {
        return KqlQuoting.stringLiteral(value);
    }

    /** {@code instant} as a {@code datetime(...)} literal, to the 100-nanosecond tick. */
    public static String datetime(Instant instant) {
        return KqlQuoting.datetimeLiteral(instant);
    }

    /** {@code duration} as a timespan literal ({@code 1d}, {@code 90m}, {@code 250ms}), to the 100-nanosecond tick. */
    public static String timespan(Duration duration) {
        return KqlQuoting.timespanLiteral(duration.dividedBy(Duration.ofNanos(100)));
    }

    /** A table or column name, bracketed when it is not a plain identifier. */
    public static String name(String name) {
        return KqlQuoting.name(name);
    }
}
