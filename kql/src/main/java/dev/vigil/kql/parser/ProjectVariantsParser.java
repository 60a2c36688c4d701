package dev.vigil.kql.parser;

import dev.vigil.kql.syntax.ColumnRename;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.NamePattern;
import dev.vigil.kql.syntax.ProjectAwayOperator;
import dev.vigil.kql.syntax.ProjectKeepOperator;
import dev.vigil.kql.syntax.ProjectRenameOperator;
import dev.vigil.kql.syntax.ProjectReorderOperator;
import dev.vigil.kql.syntax.QueryOperator;
import dev.vigil.kql.syntax.ReorderKey;
import dev.vigil.kql.syntax.SortDirection;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code project-away}, {@code project-keep}, {@code project-rename} and {@code project-reorder}. */
final class ProjectVariantsParser {
    private ProjectVariantsParser() {
    }

    static QueryOperator parse(KqlParser parser, String name, Token keyword) {
        switch (name) {
            case "project-away": {
                List<NamePattern> patterns = patterns(parser);
                return new ProjectAwayOperator(patterns, keyword.span().to(KqlParser.last(patterns).span()));
            }
            case "project-keep": {
                List<NamePattern> patterns = patterns(parser);
                return new ProjectKeepOperator(patterns, keyword.span().to(KqlParser.last(patterns).span()));
            }
            case "project-rename": {
                List<ColumnRename> renames = new ArrayList<>();
                do {
                    if (!renames.isEmpty()) {
                        parser.advance();
                    }
                    Identifier newName = parser.identifier("a new column name");
                    parser.expect(TokenKind.ASSIGN, "'='");
                    renames.add(new ColumnRename(newName, parser.identifier("a column name")));
                } while (parser.current().is(TokenKind.COMMA));
                return new ProjectRenameOperator(renames, keyword.span().to(KqlParser.last(renames).oldName().span()));
            }
            default: {
                List<ReorderKey> keys = new ArrayList<>();
                Span span = keyword.span();
                do {
                    if (!keys.isEmpty()) {
                        parser.advance();
                    }
                    NamePattern pattern = pattern(parser);
                    Optional<SortDirection> direction = Optional.empty();
                    span = span.to(pattern.span());
                    if (parser.current().isWord("asc") || parser.current().isWord("desc")
                            || parser.current().isWord("granny-asc") || parser.current().isWord("granny-desc")) {
                        direction = Optional.of(parser.current().text().endsWith("asc") ? SortDirection.ASCENDING : SortDirection.DESCENDING);
                        span = span.to(parser.advance().span());
                    }
                    keys.add(new ReorderKey(pattern, direction));
                } while (parser.current().is(TokenKind.COMMA));
                return new ProjectReorderOperator(keys, span);
            }
        }
    }

    private static List<NamePattern> patterns(KqlParser parser) {
        List<NamePattern> patterns = new ArrayList<>();
        do {
            if (!patterns.isEmpty()) {
                parser.advance();
            }
            patterns.add(pattern(parser));
        } while (parser.current().is(TokenKind.COMMA));
        return patterns;
    }

    private static NamePattern pattern(KqlParser parser) {
        var reference = parser.tableName();
        return new NamePattern(reference.name(), reference.span());
    }
}
