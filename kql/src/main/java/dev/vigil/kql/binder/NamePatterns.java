package dev.vigil.kql.binder;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.NamePattern;
import java.util.List;
import java.util.regex.Pattern;

/** Column and table names with {@code *} wildcards, as {@code project-away}, {@code union} and {@code search} take them. */
final class NamePatterns {
    private NamePatterns() {
    }

    static boolean matches(String pattern, String name) {
        if (pattern.indexOf('*') < 0) {
            return pattern.equals(name);
        }
        StringBuilder regex = new StringBuilder();
        String[] parts = pattern.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.matches(regex.toString(), name);
    }

    /** The input columns a pattern names; a plain name that names none is an error. */
    static List<ColumnSchema> columns(NamePattern pattern, List<ColumnSchema> input) {
        List<ColumnSchema> matching = input.stream().filter(c -> matches(pattern.pattern(), c.name())).toList();
        if (matching.isEmpty() && !pattern.isWildcard()) {
            throw new DiagnosticException(DiagnosticFacts.unknownColumn(pattern.pattern()), pattern.span());
        }
        return matching;
    }
}
