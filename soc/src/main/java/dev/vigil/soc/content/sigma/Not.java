package dev.vigil.soc.content.sigma;

/** The part must not hold. */
record Not(SigmaExpression part) implements SigmaExpression {
    @Override
    public String kql(LogSourceMapping mapping) {
        return "not(" + part.kql(mapping) + ")";
    }
}
