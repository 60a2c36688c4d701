package dev.vigil.soc.content.sigma;

/** A part of a Sigma detection, after its identifiers and condition are read: rendered as a KQL predicate over one table. */
sealed interface SigmaExpression permits AllOf, AnyOf, Not, FieldMatch, KeywordMatch, FieldMatch.Term, FieldMatch.Predicate {

    /** The predicate, in parentheses when it combines others, with the mapping's column names. */
    String kql(LogSourceMapping mapping);
}
