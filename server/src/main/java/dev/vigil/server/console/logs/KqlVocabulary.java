package dev.vigil.server.console.logs;

import java.util.List;

/**
 * The words the Logs editor completes besides the workspace's tables, columns and functions: the
 * tabular operators Vigil's KQL parses (a test checks each one against the parser) and the
 * keywords used inside them.
 */
final class KqlVocabulary {
    static final List<String> OPERATORS = List.of("where", "project", "extend", "summarize", "take", "limit", "count", "sort", "order",
            "top", "project-away", "project-keep", "project-rename", "project-reorder", "distinct", "join", "lookup", "union", "mv-expand",
            "mv-apply", "parse", "parse-where", "serialize", "getschema", "as", "invoke", "sample", "sample-distinct", "render", "evaluate",
            "search", "make-series", "top-nested");
    static final List<String> KEYWORDS = List.of("by", "on", "kind", "with", "asc", "desc", "nulls", "first", "last", "and", "or", "not",
            "in", "in~", "!in", "has", "!has", "has_any", "has_all", "contains", "!contains", "startswith", "endswith", "matches regex",
            "between", "let", "datatable", "print", "range", "true", "false", "ago", "now", "bin", "timechart", "barchart", "columnchart",
            "piechart", "areachart", "scatterchart", "inner", "innerunique", "leftouter", "rightouter", "fullouter", "leftanti", "leftsemi");

    private KqlVocabulary() {
    }
}
