package dev.vigil.soc.content.sigma;

import dev.vigil.kql.KqlQuoting;
import java.util.ArrayList;
import java.util.List;

/** Keywords (values without a field): one of them appears in the log source's keyword column. */
record KeywordMatch(List<SigmaString> keywords) implements SigmaExpression {
    KeywordMatch {
        keywords = List.copyOf(keywords);
    }

    @Override
    public String kql(LogSourceMapping mapping) {
        String column = mapping.keywordField().orElseThrow(() -> SigmaConversionException.unsupported("keywords (values without a field) need a"
                + " column to search, and " + mapping.table() + " has none in the mapping"));
        List<SigmaExpression> any = new ArrayList<>();
        for (SigmaString keyword : keywords) {
            any.add(new FieldMatch.Term(KqlQuoting.name(column), FieldMatch.Operator.CONTAINS, keyword, false));
        }
        return new AnyOf(any).kql(mapping);
    }
}
