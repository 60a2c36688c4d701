package dev.vigil.soc.content.sigma;

import java.util.List;
import java.util.stream.Collectors;

/** Every part must hold: a Sigma map of fields, {@code and}, {@code all of}, a field's values with {@code |all}. */
record AllOf(List<SigmaExpression> parts) implements SigmaExpression {
    AllOf {
        parts = List.copyOf(parts);
    }

    @Override
    public String kql(LogSourceMapping mapping) {
        return parts.size() == 1 ? parts.get(0).kql(mapping) : parts.stream().map(p -> p.kql(mapping)).collect(Collectors.joining(" and ", "(", ")"));
    }
}
