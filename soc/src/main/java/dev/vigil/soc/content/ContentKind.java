package dev.vigil.soc.content;

/** What a content file holds, judged from its fields. */
enum ContentKind {
    /** Sentinel's analytic rule YAML ({@code id}, {@code name}, {@code query}, ...). */
    RULE_YAML,
    /** Sentinel's hunting-query YAML: a query with an id or name, and none of a rule's fields (severity, kind, schedule, trigger). */
    HUNTING_YAML,
    /** A Sigma detection rule ({@code logsource}, {@code detection}). */
    SIGMA_YAML,
    /** Sentinel's parser YAML ({@code FunctionName}, {@code FunctionQuery}, ...; or ASIM's {@code ParserName}, {@code ParserQuery}). */
    PARSER_YAML,
    /** An ARM template, as Sentinel exports rules and saved functions: {@code resources} of {@code alertRules} or {@code savedSearches}. */
    ARM_TEMPLATE,
    /** None of these. */
    UNKNOWN
}
