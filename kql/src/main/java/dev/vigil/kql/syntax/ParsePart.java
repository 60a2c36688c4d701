package dev.vigil.kql.syntax;

import java.util.Optional;

/** One element of a {@code parse} pattern. */
public sealed interface ParsePart permits ParsePart.Literal, ParsePart.Capture, ParsePart.Skip {

    /** A string constant to find (a regular expression with {@code kind=regex}). */
    record Literal(String text, Span span) implements ParsePart {
    }

    /** {@code Name[:type]}: the text up to the next literal goes to this column. */
    record Capture(Identifier name, Optional<String> typeName, Span span) implements ParsePart {
    }

    /** {@code *}: text to skip. */
    record Skip(Span span) implements ParsePart {
    }
}
