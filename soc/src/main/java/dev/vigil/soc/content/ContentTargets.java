package dev.vigil.soc.content;

/**
 * The imports a content file goes to (a template may hold both rules and functions).
 *
 * @param parsers whether the parser import takes it
 * @param rules whether the rule import takes it
 */
public record ContentTargets(boolean parsers, boolean rules) {
}
