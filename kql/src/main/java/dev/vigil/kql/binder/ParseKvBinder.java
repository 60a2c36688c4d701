package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.functions.FunctionDeclaration;
import dev.vigil.kql.functions.KeyValueExtraction;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Project;
import dev.vigil.kql.syntax.ColumnDeclaration;
import dev.vigil.kql.syntax.ParseKvOperator;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code parse-kv}: the input columns, then one column per key, holding the key's first value converted to its type
 * (a missing key gives '' for a string, null otherwise). With {@code pair_delimiter} and {@code kv_delimiter} a value
 * runs to the next pair delimiter ({@code greedy}: to the next key); without them, any run of characters other than
 * letters and digits separates a key from its value, which is a run of letters and digits; {@code quote} values may
 * hold delimiters and {@code escape}d quotes; {@code regex} gives the key and the value as its two groups.
 */
final class ParseKvBinder {
    private ParseKvBinder() {
    }

    static LogicalOperator bind(ParseKvOperator parseKv, LogicalOperator input, Environment environment) {
        Scope scope = Scope.of(input.schema(), environment);
        BoundExpression source = Conversions.to(KqlType.STRING, ExpressionBinder.bindScalar(parseKv.source(), scope));
        Optional<String> pairDelimiter = Optional.empty();
        Optional<String> kvDelimiter = Optional.empty();
        Optional<String> regex = Optional.empty();
        List<String> quotes = new ArrayList<>();
        List<String> escapes = new ArrayList<>();
        boolean greedy = false;
        for (ParseKvOperator.Option option : parseKv.options()) {
            BoundExpression value = ExpressionBinder.bindScalar(option.value(), scope);
            if (!(value instanceof BoundLiteral literal) || literal.value().isEmpty()) {
                throw new DiagnosticException(DiagnosticFacts.constantExpected(), option.value().span());
            }
            Object constant = literal.value().get();
            switch (option.name().name()) {
                case "pair_delimiter": pairDelimiter = Optional.of(String.valueOf(constant)); break;
                case "kv_delimiter": kvDelimiter = Optional.of(String.valueOf(constant)); break;
                case "regex": regex = Optional.of(String.valueOf(constant)); break;
                case "quote": quotes.add(String.valueOf(constant)); break;
                case "escape": escapes.add(String.valueOf(constant)); break;
                case "greedy": greedy = Boolean.TRUE.equals(constant); break;
                default: throw new DiagnosticException(DiagnosticFacts.unknownParseKvOption(option.name().name()), option.name().span());
            }
        }
        boolean delimited = pairDelimiter.isPresent();
        if (delimited != kvDelimiter.isPresent() || (regex.isPresent() && (delimited || !quotes.isEmpty() || greedy))
                || quotes.stream().anyMatch(q -> q.isEmpty() || q.length() > 2)) {
            throw new DiagnosticException(DiagnosticFacts.parseKvDelimiters(), parseKv.span());
        }
        List<OutputColumn> columns = new ArrayList<>();
        for (ColumnSchema column : input.schema()) {
            columns.add(new OutputColumn(column.name(), new BoundColumn(column.name(), column.type())));
        }
        Set<String> names = new HashSet<>();
        for (ColumnDeclaration key : parseKv.keys()) {
            String name = key.name().name();
            if (!names.add(name)) {
                throw new DiagnosticException(DiagnosticFacts.duplicateColumn(name), key.name().span());
            }
            KqlType type = Types.resolve(key.typeName(), key.typeSpan());
            BoundExpression text;
            if (regex.isPresent()) {
                text = call(KeyValueExtraction.REGEX_VALUE, List.of(source, string(regex.get()), string(name)));
            } else {
                String pattern = delimited
                        ? KeyValueExtraction.delimitedPattern(name, pairDelimiter.get(), kvDelimiter.get(), quotes, escapes, greedy)
                        : KeyValueExtraction.undelimitedPattern(name, quotes, escapes);
                text = call(KeyValueExtraction.VALUE, List.of(source, string(pattern), string(KeyValueExtraction.quotePairs(quotes)),
                        string(String.join("", escapes))));
            }
            OutputColumn column = new OutputColumn(name, type == KqlType.STRING ? text : Conversions.fromText(type, text));
            ExtendBinder.replaceOrAppend(columns, column);
        }
        return new Project(input, columns);
    }

    private static BoundExpression call(FunctionDeclaration function, List<BoundExpression> arguments) {
        return new BoundCall(function, function.signatures().get(0), arguments);
    }

    private static BoundLiteral string(String value) {
        return BoundLiteral.of(value, KqlType.STRING);
    }
}
