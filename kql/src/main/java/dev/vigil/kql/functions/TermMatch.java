package dev.vigil.kql.functions;

import java.util.List;
import java.util.Optional;

/**
 * SQL for the term operators ({@code has}, {@code hasprefix}, {@code hassuffix}, {@code has_any},
 * {@code has_all} and their {@code _cs} forms). Kusto splits strings into terms at every character
 * that is not an ASCII letter or digit, so "North America" has "america" but not "meric". A needle
 * that begins (ends) with a letter or digit must therefore be preceded (followed) by a
 * non-alphanumeric character or the string's edge; {@code hasprefix} drops the condition at the
 * end and {@code hassuffix} the one at the start. An empty needle matches everything.
 */
final class TermMatch {
    private static final String NON_ALPHANUMERIC = "[^0-9A-Za-z]";

    /** Which edges of the needle must fall on term boundaries. */
    enum Edges {
        WHOLE_TERM(true, true),
        PREFIX(true, false),
        SUFFIX(false, true);

        final boolean start;
        final boolean end;

        Edges(boolean start, boolean end) {
            this.start = start;
            this.end = end;
        }
    }

    private TermMatch() {
    }

    static SqlRendering rendering(Edges edges, boolean caseSensitive) {
        return arguments -> render(arguments, edges, caseSensitive);
    }

    private static String render(RenderArguments arguments, Edges edges, boolean caseSensitive) {
        String flags = caseSensitive ? "'c'" : "'i'";
        Optional<Object> needle = arguments.constant(1);
        if (needle.isPresent()) {
            String text = (String) needle.get();
            if (text.isEmpty()) {
                return "TRUE";
            }
            return "regexp_matches(" + arguments.sql(0) + ", " + arguments.stringLiteral(pattern(text, edges)) + ", " + flags + ")";
        }
        return matches(arguments.sql(0), arguments.sql(1), edges, flags);
    }

    /** The haystack has the needle (SQL known only at run time) as a term; {@code flags} is {@code 'i'} or {@code 'c'}. */
    static String matches(String haystack, String needle, Edges edges, String flags) {
        String escaped = "regexp_escape(" + needle + ")";
        String start = edges.start
                ? "CASE WHEN regexp_matches(" + needle + ", '^[0-9A-Za-z]') THEN '(?:^|" + NON_ALPHANUMERIC + ")' ELSE '' END || "
                : "";
        String end = edges.end
                ? " || CASE WHEN regexp_matches(" + needle + ", '[0-9A-Za-z]$') THEN '(?:$|" + NON_ALPHANUMERIC + ")' ELSE '' END"
                : "";
        return "(" + needle + " = '' OR regexp_matches(" + haystack + ", " + start + escaped + end + ", " + flags + "))";
    }

    /** One regular expression matching any of the constant needles as terms; empty needles match everything. */
    static String anyOf(String haystack, List<String> needles, RenderArguments arguments) {
        if (needles.isEmpty()) {
            return "FALSE";
        }
        if (needles.stream().anyMatch(String::isEmpty)) {
            return "TRUE";
        }
        StringBuilder alternatives = new StringBuilder();
        for (String needle : needles) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(pattern(needle, Edges.WHOLE_TERM));
        }
        return "regexp_matches(" + haystack + ", " + arguments.stringLiteral("(?:" + alternatives + ")") + ", 'i')";
    }

    static String pattern(String needle, Edges edges) {
        StringBuilder pattern = new StringBuilder();
        if (edges.start && isAlphanumeric(needle.charAt(0))) {
            pattern.append("(?:^|").append(NON_ALPHANUMERIC).append(')');
        }
        for (int i = 0; i < needle.length(); i++) {
            char c = needle.charAt(i);
            if (!isAlphanumeric(c) && c != ' ' && c != '_') {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        if (edges.end && isAlphanumeric(needle.charAt(needle.length() - 1))) {
            pattern.append("(?:$|").append(NON_ALPHANUMERIC).append(')');
        }
        return pattern.toString();
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
