package dev.vigil.soc.content.sigma;

import java.util.ArrayList;
import java.util.List;

/**
 * A Sigma string value: text with the wildcards {@code *} (any characters) and {@code ?} (one
 * character), where {@code \*}, {@code \?} and {@code \\} stand for the characters themselves and a
 * backslash before anything else is itself.
 */
record SigmaString(List<Part> parts) {
    sealed interface Part permits Text, AnyCharacters, OneCharacter {
    }

    record Text(String text) implements Part {
    }

    record AnyCharacters() implements Part {
    }

    record OneCharacter() implements Part {
    }

    SigmaString {
        parts = List.copyOf(parts);
    }

    static SigmaString parse(String value) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && "*?\\".indexOf(value.charAt(i + 1)) >= 0) {
                text.append(value.charAt(++i));
            } else if (c == '*' || c == '?') {
                if (!text.isEmpty()) {
                    parts.add(new Text(text.toString()));
                    text.setLength(0);
                }
                parts.add(c == '*' ? new AnyCharacters() : new OneCharacter());
            } else {
                text.append(c);
            }
        }
        if (!text.isEmpty()) {
            parts.add(new Text(text.toString()));
        }
        return new SigmaString(parts);
    }

    /** The value as plain text; only for a value with no wildcards. */
    String plain() {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (!(part instanceof Text t)) {
                throw new IllegalStateException("a value with wildcards has no plain text");
            }
            text.append(t.text());
        }
        return text.toString();
    }

    boolean hasWildcards() {
        return parts.stream().anyMatch(part -> !(part instanceof Text));
    }

    /** Whether the only wildcards are {@code *} at the start, the end, or both, around plain text. */
    boolean leadingAnything() {
        return !parts.isEmpty() && parts.get(0) instanceof AnyCharacters;
    }

    boolean trailingAnything() {
        return !parts.isEmpty() && parts.get(parts.size() - 1) instanceof AnyCharacters;
    }

    /** The value without a leading and a trailing {@code *}. */
    SigmaString trimmed() {
        int from = leadingAnything() ? 1 : 0;
        int to = trailingAnything() && parts.size() > from ? parts.size() - 1 : parts.size();
        return new SigmaString(parts.subList(from, to));
    }

    /** A regular expression matching the value's text and wildcards, unanchored. */
    String regex() {
        StringBuilder regex = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Text t) {
                regex.append(quote(t.text()));
            } else if (part instanceof AnyCharacters) {
                regex.append(".*");
            } else {
                regex.append('.');
            }
        }
        return regex.toString();
    }

    /** Text as a regular expression matching itself, in the syntax RE2 and Java share. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\.^$|?*+()[]{}".indexOf(c) >= 0) {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.toString();
    }
}
