package dev.vigil.kql.functions;

/** How Kusto names a result column computed by a call when the query gives no name. */
public enum ColumnNaming {
    /** No name of its own: {@code Column1}, {@code Column2}, ... */
    NONE,
    /** The name of the first argument, as {@code bin(TimeGenerated, 1h)} is named {@code TimeGenerated}. */
    FIRST_ARGUMENT,
    /** The function name and an underscore, as {@code count()} is named {@code count_}. */
    PREFIX,
    /** The function name, an underscore and the first argument's name, as {@code sum(X)} is named {@code sum_X}. */
    PREFIX_AND_FIRST_ARGUMENT,
    /** The function name and the names of the first two arguments, as {@code covariance(X, Y)} is named {@code covariance_X_Y}. */
    PREFIX_AND_TWO_ARGUMENTS
}
