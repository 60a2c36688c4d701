package dev.vigil.soc.content.sigma;

import java.util.List;
import java.util.stream.Collectors;

/** One part must hold: a list of maps, a field's list of values, {@code or}, {@code 1 of}. */
record AnyOf(List<SigmaExpression> parts) implements SigmaExpression {
    AnyOf {
        parts = List.copyOf(parts);
    }

    @Override
    public String kql(LogSourceMapping mapping) {
        return parts.size() == 1 ? parts.get(0).kql(mapping) : parts.stream().map(p -> p.kql(mapping)).collect(Collectors.joining(" or ", "(", ")"));
    }
}
