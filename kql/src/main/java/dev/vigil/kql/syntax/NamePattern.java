package dev.vigil.kql.syntax;

/** A column name in {@code project-away}, {@code project-keep} or {@code project-reorder}, possibly with {@code *} wildcards. */
public record NamePattern(String pattern, Span span) {

    public boolean isWildcard() {
        return pattern.indexOf('*') >= 0;
    }
}
