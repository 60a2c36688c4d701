package dev.vigil.soc.rule;

/** How a scheduled rule compares its result count with the threshold. */
public enum TriggerOperator {
    GreaterThan, LessThan, Equal, NotEqual;

    /** Whether a run with this many results raises alerts. */
    public boolean fires(long resultCount, int threshold) {
        return switch (this) {
            case GreaterThan -> resultCount > threshold;
            case LessThan -> resultCount < threshold;
            case Equal -> resultCount == threshold;
            case NotEqual -> resultCount != threshold;
        };
    }
}
