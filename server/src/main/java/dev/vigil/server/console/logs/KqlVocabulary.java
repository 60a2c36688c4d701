package dev.vigil.server.console.logs;

import dev.vigil.kql.Kql;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words the Logs editor completes besides the workspace's tables, columns and functions: the
 * tabular operators and the plugins of {@code evaluate}, both taken from the compiler's own lists so
 * that a new operator or plugin is completed as soon as it is supported, and the keywords used
 * inside operators.
 */
final class KqlVocabulary {
    static final List<String> OPERATORS = Kql.operatorNames();
    static final List<String> PLUGINS = Kql.pluginNames();
    /** The words used inside operators, then the operators that start a query (print, find, ...), completed as keywords. */
    static final List<String> KEYWORDS = keywords("by", "on", "kind", "with", "asc", "desc", "nulls", "first", "last", "and", "or", "not",
            "in", "in~", "!in", "has", "!has", "has_any", "has_all", "contains", "!contains", "startswith", "endswith", "matches regex",
            "between", "let", "true", "false", "ago", "now", "bin", "timechart", "barchart", "columnchart",
            "piechart", "areachart", "scatterchart", "inner", "innerunique", "leftouter", "rightouter", "fullouter", "leftanti", "leftsemi");

    private KqlVocabulary() {
    }

    private static List<String> keywords(String... words) {
        Set<String> all = new LinkedHashSet<>(List.of(words));
        all.addAll(Kql.queryStartNames());
        return List.copyOf(all);
    }
}
