package dev.vigil.kql.parser;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.AllColumns;
import dev.vigil.kql.syntax.BetweenExpression;
import dev.vigil.kql.syntax.BinaryExpression;
import dev.vigil.kql.syntax.ColumnDeclaration;
import dev.vigil.kql.syntax.GetSchemaOperator;
import dev.vigil.kql.syntax.LetExpression;
import dev.vigil.kql.syntax.LetStatement;
import dev.vigil.kql.syntax.LetTabular;
import dev.vigil.kql.syntax.LetValue;
import dev.vigil.kql.syntax.SearchExpression;
import dev.vigil.kql.syntax.SetStatement;
import dev.vigil.kql.syntax.TopHittersOperator;
import dev.vigil.kql.syntax.SubqueryExpression;
import dev.vigil.kql.syntax.TabularExpression;
import dev.vigil.kql.syntax.TabularFunctionCall;
import dev.vigil.kql.syntax.UnionExpression;
import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.CountOperator;
import dev.vigil.kql.syntax.ElementAccess;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.ExtendOperator;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.NamedArgument;
import dev.vigil.kql.syntax.FunctionDefinition;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.InExpression;
import dev.vigil.kql.syntax.LiteralExpression;
import dev.vigil.kql.syntax.ListOperator;
import dev.vigil.kql.syntax.LiteralKind;
import dev.vigil.kql.syntax.MemberAccess;
import dev.vigil.kql.syntax.MvApplyOperator;
import dev.vigil.kql.syntax.NameReference;
import dev.vigil.kql.syntax.NullLiteral;
import dev.vigil.kql.syntax.NullsPlacement;
import dev.vigil.kql.syntax.PipeExpression;
import dev.vigil.kql.syntax.ProjectOperator;
import dev.vigil.kql.syntax.Query;
import dev.vigil.kql.syntax.QueryOperator;
import dev.vigil.kql.syntax.QueryStatement;
import dev.vigil.kql.syntax.SortDirection;
import dev.vigil.kql.syntax.SortKey;
import dev.vigil.kql.syntax.SortOperator;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.syntax.Statement;
import dev.vigil.kql.syntax.SummarizeOperator;
import dev.vigil.kql.syntax.TableReference;
import dev.vigil.kql.syntax.TakeOperator;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;
import dev.vigil.kql.syntax.TopOperator;
import dev.vigil.kql.syntax.UnaryExpression;
import dev.vigil.kql.syntax.WhereOperator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tabular expressions (a source, then {@code | operator}s) and the operators that need no parser of their own. An
 * operator with a syntax error is reported and skipped up to the next {@code |} of its pipe, so that the operators
 * after it are checked too.
 */
final class TabularParser {
    private final KqlParser parser;

    TabularParser(KqlParser parser) {
        this.parser = parser;
    }

    /** A tabular expression: a source, then any number of {@code | operator}. */
    TabularExpression tabularExpression() {
        parser.enterNesting();
        TabularExpression source = tabularSource();
        TabularExpression result = parser.current().is(TokenKind.PIPE) ? pipeFrom(source) : source;
        parser.leaveNesting();
        return result;
    }

    PipeExpression pipeFrom(TabularExpression source) {
        List<QueryOperator> operators = new ArrayList<>();
        while (parser.current().is(TokenKind.PIPE)) {
            parser.advance();
            KqlParser.Mark start = parser.mark();
            try {
                operators.add(queryOperator());
            } catch (DiagnosticException e) {
                parser.recover(e, start, true);
            }
        }
        Span span = operators.isEmpty() ? source.span() : source.span().to(KqlParser.last(operators).span());
        return new PipeExpression(source, operators, span);
    }

    static PipeExpression asPipe(TabularExpression tabular) {
        return tabular instanceof PipeExpression pipe ? pipe : new PipeExpression(tabular, List.of(), tabular.span());
    }

    private TabularExpression tabularSource() {
        Token token = parser.current();
        if (token.is(TokenKind.OPEN_PAREN)) {
            parser.advance();
            TabularExpression inner = tabularExpression();
            parser.expect(TokenKind.CLOSE_PAREN, "')'");
            return inner;
        }
        if (token.isWord("datatable") && parser.peek(1).is(TokenKind.OPEN_PAREN)) {
            return SourceParsers.datatable(parser);
        }
        if (token.isWord("print")) {
            return SourceParsers.print(parser);
        }
        if (token.isWord("range") && KqlParser.isNameToken(parser.peek(1)) && parser.peek(2).isWord("from")) {
            return SourceParsers.range(parser);
        }
        if (startsExternalData()) {
            return SourceParsers.externaldata(parser);
        }
        if (token.isWord("union")) {
            return new UnionExpression(UnionParser.union(parser, parser.advance(), false));
        }
        if (token.isWord("search")) {
            return new SearchExpression(SearchParser.search(parser, parser.advance(), true));
        }
        if (token.isWord("find") && !parser.peek(1).is(TokenKind.PIPE) && !parser.peek(1).is(TokenKind.OPEN_PAREN)) {
            return FindParser.find(parser, parser.advance());
        }
        if (token.is(TokenKind.IDENTIFIER) && parser.peek(1).is(TokenKind.OPEN_PAREN)) {
            Expression call = parser.identifierExpression();
            if (call instanceof FunctionCall function) {
                return new TabularFunctionCall(function);
            }
            // a literal such as dynamic(...) or long(1) cannot start a tabular expression
            throw new DiagnosticException(DiagnosticFacts.expected("a table name", KqlParser.describe(token)), call.span());
        }
        if (KqlParser.isNameToken(token)) {
            return tableName();
        }
        throw new DiagnosticException(DiagnosticFacts.expected("a table name", KqlParser.describe(token)), token.span());
    }

    /** A table name, with {@code *} wildcards allowed where {@code union} and {@code search} take them. */
    TableReference tableName() {
        Token first = parser.current();
        if (!KqlParser.isNameToken(first) && !first.is(TokenKind.STAR)) {
            throw new DiagnosticException(DiagnosticFacts.expected("a table name", KqlParser.describe(first)), first.span());
        }
        StringBuilder name = new StringBuilder();
        Span span = first.span();
        Token previousToken = parser.advance();
        name.append(previousToken.is(TokenKind.STAR) ? "*" : previousToken.value());
        while ((parser.current().is(TokenKind.STAR) || parser.current().is(TokenKind.IDENTIFIER) || parser.current().is(TokenKind.LONG_LITERAL))
                && KqlParser.isAdjacent(previousToken, parser.current()) && (previousToken.is(TokenKind.STAR) || parser.current().is(TokenKind.STAR))) {
            previousToken = parser.advance();
            name.append(previousToken.text());
            span = span.to(previousToken.span());
        }
        return new TableReference(name.toString(), span);
    }

    /** An expression written where a table is needed: a name or a call. */
    static TabularExpression toTabular(Expression expression) {
        if (expression instanceof NameReference reference) {
            return new TableReference(reference.name(), reference.span());
        }
        if (expression instanceof FunctionCall call) {
            return new TabularFunctionCall(call);
        }
        if (expression instanceof SubqueryExpression subquery) {
            return subquery.tabular();
        }
        throw new DiagnosticException(DiagnosticFacts.tabularExpected(), expression.span());
    }

    private boolean startsExternalData() {
        Token token = parser.current();
        return (token.isWord("externaldata") || token.isWord("external_data")) && parser.peek(1).is(TokenKind.OPEN_PAREN);
    }

    boolean startsTabularKeyword() {
        Token token = parser.current();
        return (token.isWord("datatable") && parser.peek(1).is(TokenKind.OPEN_PAREN))
                || startsExternalData()
                || token.isWord("print") && !parser.peek(1).is(TokenKind.OPEN_PAREN)
                || (token.isWord("range") && KqlParser.isNameToken(parser.peek(1)) && parser.peek(2).isWord("from"))
                || (token.isWord("union") && !parser.peek(1).is(TokenKind.OPEN_PAREN))
                || (token.isWord("search") && !parser.peek(1).is(TokenKind.OPEN_PAREN))
                || (token.isWord("find") && !parser.peek(1).is(TokenKind.OPEN_PAREN) && !parser.peek(1).is(TokenKind.PIPE));
    }

    /**
     * An expression, or a tabular expression where one may stand: inside parentheses, as an
     * argument of a call and in the list of {@code in}.
     */
    Expression expressionOrSubquery() {
        Token start = parser.current();
        if (startsTabularKeyword()) {
            TabularExpression tabular = tabularExpression();
            return new SubqueryExpression(tabular, tabular.span());
        }
        Expression expression = parser.expression();
        if (parser.current().is(TokenKind.PIPE)) {
            PipeExpression pipe = pipeFrom(toTabular(expression));
            return new SubqueryExpression(pipe, start.span().to(pipe.span()));
        }
        return expression;
    }

    /** The subquery of {@code mv-apply}: operators applied to the rows expanded from one input row. */
    TabularExpression subqueryOverRows() {
        Token start = parser.current();
        TableReference rows = new TableReference(MvApplyOperator.ROWS, new Span(start.span().start(), 0));
        List<QueryOperator> operators = new ArrayList<>();
        operators.add(queryOperator());
        while (parser.current().is(TokenKind.PIPE)) {
            parser.advance();
            operators.add(queryOperator());
        }
        return new PipeExpression(rows, operators, start.span().to(KqlParser.last(operators).span()));
    }


    // --- tabular operators

    QueryOperator queryOperator() {
        Token keyword = parser.current();
        if (!keyword.is(TokenKind.IDENTIFIER)) {
            throw new DiagnosticException(DiagnosticFacts.expected("a query operator", KqlParser.describe(keyword)), keyword.span());
        }
        String name = operatorName();
        switch (name) {
            case "where":
            case "filter": {
                Expression predicate = parser.expression();
                return new WhereOperator(predicate, keyword.span().to(predicate.span()));
            }
            case "project": {
                List<ColumnAssignment> columns = assignments();
                return new ProjectOperator(columns, keyword.span().to(KqlParser.last(columns).span()));
            }
            case "extend": {
                List<ColumnAssignment> columns = new ArrayList<>();
                do {
                    if (!columns.isEmpty()) {
                        parser.advance();
                    }
                    columns.add(startsTupleAssignment() ? tupleAssignment() : assignment());
                } while (parser.current().is(TokenKind.COMMA));
                return new ExtendOperator(columns, keyword.span().to(KqlParser.last(columns).span()));
            }
            case "take":
            case "limit": {
                Expression count = parser.expression();
                return new TakeOperator(count, keyword.span().to(count.span()));
            }
            case "count":
                return new CountOperator(keyword.span());
            case "summarize":
                return summarize(keyword);
            case "sort":
            case "order":
                return sort(keyword);
            case "top":
                return top(keyword);
            case "project-away":
            case "project-keep":
            case "project-rename":
            case "project-reorder":
                return ProjectVariantsParser.parse(parser, name, keyword);
            case "distinct":
                return SimpleOperatorParsers.distinct(parser, keyword);
            case "join":
                return JoinParser.join(parser, keyword);
            case "lookup":
                return JoinParser.lookup(parser, keyword);
            case "union":
                return UnionParser.union(parser, keyword, true);
            case "mv-expand":
            case "mvexpand":
                return MvExpandParser.mvExpand(parser, keyword, name.equals("mvexpand"));
            case "mv-apply":
                return MvExpandParser.mvApply(parser, keyword);
            case "parse":
            case "parse-where":
                return ParseOperatorParser.parse(parser, keyword, name.equals("parse-where"));
            case "serialize":
                return SimpleOperatorParsers.serialize(parser, keyword);
            case "getschema":
                return new GetSchemaOperator(keyword.span());
            case "as":
                return SimpleOperatorParsers.as(parser, keyword);
            case "invoke":
                return SimpleOperatorParsers.invoke(parser, keyword);
            case "sample":
                return SimpleOperatorParsers.sample(parser, keyword);
            case "sample-distinct":
                return SimpleOperatorParsers.sampleDistinct(parser, keyword);
            case "render":
                return SimpleOperatorParsers.render(parser, keyword);
            case "evaluate":
                return SimpleOperatorParsers.evaluate(parser, keyword);
            case "search":
                return SearchParser.search(parser, keyword, false);
            case "make-series":
                return MakeSeriesParser.makeSeries(parser, keyword);
            case "top-nested":
                return TopNestedParser.topNested(parser, keyword);
            case "parse-kv":
                return ParseKvParser.parseKv(parser, keyword);
            case "partition":
                return PartitionParser.partition(parser, keyword);
            case "scan":
                return ScanParser.scan(parser, keyword);
            case "consume":
                return SimpleOperatorParsers.consume(parser, keyword);
            case "fork":
                return SeveralResultsParser.fork(parser, keyword);
            case "facet":
                return SeveralResultsParser.facet(parser, keyword);
            case "make-graph":
                return GraphParser.makeGraph(parser, keyword);
            case "graph-match":
                return GraphParser.graphMatch(parser, keyword);
            case "graph-to-table":
                return GraphParser.graphToTable(parser, keyword);
            case "graph-shortest-paths":
                return GraphParser.graphShortestPaths(parser, keyword);
            case "graph-mark-components":
                return GraphParser.graphMarkComponents(parser, keyword);
            case "graph-merge":
                return GraphParser.graphMerge(parser, keyword);
            case "top-hitters": {
                Expression count = parser.expression();
                parser.expectWord("of");
                Expression of = parser.expression();
                Optional<Expression> by = Optional.empty();
                if (parser.current().isWord("by")) {
                    parser.advance();
                    by = Optional.of(parser.expression());
                }
                return new TopHittersOperator(count, of, by, keyword.span().to(parser.previous().span()));
            }
            default:
                throw new DiagnosticException(DiagnosticFacts.unknownQueryOperator(name), keyword.span());
        }
    }

    /** Reads an operator name, joining hyphenated names such as {@code mv-expand} written without spaces. */
    private String operatorName() {
        Token first = parser.advance();
        StringBuilder name = new StringBuilder(first.text());
        Token last = first;
        while (parser.current().is(TokenKind.MINUS) && KqlParser.isAdjacent(last, parser.current()) && parser.peek(1).is(TokenKind.IDENTIFIER)
                && KqlParser.isAdjacent(parser.current(), parser.peek(1))) {
            parser.advance();
            last = parser.advance();
            name.append('-').append(last.text());
        }
        return name.toString();
    }

    private SummarizeOperator summarize(Token keyword) {
        List<ColumnAssignment> aggregates = parser.current().isWord("by") ? List.of() : assignments();
        List<ColumnAssignment> groups = List.of();
        Span span = aggregates.isEmpty() ? keyword.span() : keyword.span().to(KqlParser.last(aggregates).span());
        if (parser.current().isWord("by")) {
            parser.advance();
            groups = assignments();
            span = span.to(KqlParser.last(groups).span());
        }
        return new SummarizeOperator(aggregates, groups, span);
    }

    private SortOperator sort(Token keyword) {
        parser.expectWord("by");
        List<SortKey> keys = new ArrayList<>();
        keys.add(sortKey());
        while (parser.current().is(TokenKind.COMMA)) {
            parser.advance();
            keys.add(sortKey());
        }
        return new SortOperator(keys, keyword.span().to(KqlParser.last(keys).span()));
    }

    private TopOperator top(Token keyword) {
        Expression count = parser.expression();
        parser.expectWord("by");
        SortKey key = sortKey();
        return new TopOperator(count, key, keyword.span().to(key.span()));
    }

    SortKey sortKey() {
        Expression expression = parser.expression();
        Span span = expression.span();
        Optional<SortDirection> direction = Optional.empty();
        if (parser.current().isWord("asc") || parser.current().isWord("desc")) {
            direction = Optional.of(parser.current().text().equals("asc") ? SortDirection.ASCENDING : SortDirection.DESCENDING);
            span = span.to(parser.advance().span());
        }
        Optional<NullsPlacement> nulls = Optional.empty();
        if (parser.current().isWord("nulls")) {
            parser.advance();
            if (parser.current().isWord("first") || parser.current().isWord("last")) {
                nulls = Optional.of(parser.current().text().equals("first") ? NullsPlacement.FIRST : NullsPlacement.LAST);
                span = span.to(parser.advance().span());
            } else {
                throw new DiagnosticException(DiagnosticFacts.expected("'first' or 'last'", KqlParser.describe(parser.current())), parser.current().span());
            }
        }
        return new SortKey(expression, direction, nulls, span);
    }

    List<ColumnAssignment> assignments() {
        List<ColumnAssignment> columns = new ArrayList<>();
        columns.add(assignment());
        while (parser.current().is(TokenKind.COMMA)) {
            parser.advance();
            columns.add(assignment());
        }
        return columns;
    }

    /** {@code (Name, Name, ...) =}: names in parentheses followed by an assignment. */
    private boolean startsTupleAssignment() {
        if (!parser.current().is(TokenKind.OPEN_PAREN)) {
            return false;
        }
        int at = 1;
        while (KqlParser.isNameToken(parser.peek(at)) && parser.peek(at + 1).is(TokenKind.COMMA)) {
            at += 2;
        }
        return KqlParser.isNameToken(parser.peek(at)) && parser.peek(at + 1).is(TokenKind.CLOSE_PAREN) && parser.peek(at + 2).is(TokenKind.ASSIGN);
    }

    private ColumnAssignment tupleAssignment() {
        Token open = parser.advance();
        List<Identifier> names = new ArrayList<>();
        do {
            if (!names.isEmpty()) {
                parser.advance();
            }
            Token name = parser.advance();
            names.add(new Identifier(name.value(), name.span()));
        } while (parser.current().is(TokenKind.COMMA));
        parser.expect(TokenKind.CLOSE_PAREN, "')'");
        parser.expect(TokenKind.ASSIGN, "'='");
        Expression expression = parser.expression();
        return new ColumnAssignment(Optional.empty(), names, expression, open.span().to(expression.span()));
    }

    ColumnAssignment assignment() {
        Token first = parser.current();
        if ((first.is(TokenKind.IDENTIFIER) || first.is(TokenKind.BRACKETED_NAME)) && parser.peek(1).is(TokenKind.ASSIGN)) {
            parser.advance();
            parser.advance();
            Expression expression = parser.expression();
            return new ColumnAssignment(Optional.of(new Identifier(first.value(), first.span())), expression,
                    first.span().to(expression.span()));
        }
        Expression expression = parser.expression();
        return new ColumnAssignment(Optional.empty(), expression, expression.span());
    }
}
