package dev.vigil.kql.parser;

import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.SearchOperator;
import dev.vigil.kql.syntax.TableReference;
import dev.vigil.kql.syntax.Token;
import java.util.List;
import java.util.Map;

/** {@code search [kind=case_sensitive] [in (T1, T2*)] predicate}, where {@code Column:"term"} is allowed. */
final class SearchParser {
    private SearchParser() {
    }

    static SearchOperator search(KqlParser parser, Token keyword, boolean atStart) {
        Map<String, Token> options = parser.options(List.of("kind"));
        boolean caseSensitive = options.containsKey("kind") && options.get("kind").text().equals("case_sensitive");
        List<TableReference> tables = atStart ? parser.inTables() : List.of();
        Expression predicate = parser.searchPredicate();
        return new SearchOperator(caseSensitive, tables, predicate, keyword.span().to(predicate.span()));
    }
}
