package dev.vigil.soc.rule;

/** Event grouping: one alert for a whole run, or one per result row. */
public enum AggregationKind {
    SingleAlert, AlertPerResult
}
