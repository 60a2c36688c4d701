package dev.vigil.kql.functions;

import java.util.Optional;

/**
 * SQL for {@code has}: the right side must occur in the left as whole terms, ignoring case. Kusto
 * splits strings into terms at every character that is not an ASCII letter or digit, so "North
 * America" has "america" but not "meric". A needle that begins (ends) with a letter or digit must
 * therefore be preceded (followed) by a non-alphanumeric character or the string's edge.
 */
final class TermMatch {
    private static final String NON_ALPHANUMERIC = "[^0-9A-Za-z]";

    private TermMatch() {
    }

    static String render(RenderArguments arguments) {
        Optional<Object> needle = arguments.constant(1);
        if (needle.isPresent()) {
            String text = (String) needle.get();
            if (text.isEmpty()) {
                return "TRUE";
            }
            return "regexp_matches(" + arguments.sql(0) + ", " + arguments.stringLiteral(pattern(text)) + ", 'i')";
        }
        String escaped = "regexp_escape(" + arguments.sql(1) + ")";
        return "(" + arguments.sql(1) + " = '' OR regexp_matches(" + arguments.sql(0) + ", "
                + "CASE WHEN regexp_matches(" + arguments.sql(1) + ", '^[0-9A-Za-z]') THEN '(?:^|" + NON_ALPHANUMERIC + ")' ELSE '' END || "
                + escaped + " || "
                + "CASE WHEN regexp_matches(" + arguments.sql(1) + ", '[0-9A-Za-z]$') THEN '(?:$|" + NON_ALPHANUMERIC + ")' ELSE '' END, 'i'))";
    }

    static String pattern(String needle) {
        StringBuilder pattern = new StringBuilder();
        if (isAlphanumeric(needle.charAt(0))) {
            pattern.append("(?:^|").append(NON_ALPHANUMERIC).append(')');
        }
        for (int i = 0; i < needle.length(); i++) {
            char c = needle.charAt(i);
            if (!isAlphanumeric(c) && c != ' ' && c != '_') {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        if (isAlphanumeric(needle.charAt(needle.length() - 1))) {
            pattern.append("(?:$|").append(NON_ALPHANUMERIC).append(')');
        }
        return pattern.toString();
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
