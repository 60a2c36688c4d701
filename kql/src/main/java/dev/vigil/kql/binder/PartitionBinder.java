package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.parser.KqlParser;
import dev.vigil.kql.plan.Filter;
import dev.vigil.kql.plan.Limit;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Project;
import dev.vigil.kql.plan.Union;
import dev.vigil.kql.syntax.PartitionOperator;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code partition by Column (Subquery)}: the subquery runs on the rows of each value of the key
 * column (null being a value of its own), and the results are put one after another. The values are
 * found in the data first, by a probe as {@code pivot}'s columns are (their text, each marked {@code v},
 * or {@code n} for null), then the query is compiled with one leg per value. The strategies differ
 * only in how many values they take; on one node they give the same rows. In the legacy braced form
 * the subquery has its own source and the key's value is {@code toscalar(Column)} (or just
 * {@code Column}) inside it.
 */
final class PartitionBinder {
    static final int LEGACY_LIMIT = 64;
    static final int LIMIT = SchemaProbeRequired.MAX_COLUMNS;
    private static final String OPERATOR = "partition";
    private static final String NULL_KEY = "n";
    private static final String VALUE_KEY = "v";

    private PartitionBinder() {
    }

    static LogicalOperator bind(PartitionOperator partition, LogicalOperator input, Environment environment) {
        String strategy = partition.strategy().map(t -> t.value()).orElse("legacy");
        if (!List.of("legacy", "native", "shuffle").contains(strategy)) {
            throw new DiagnosticException(DiagnosticFacts.expected("legacy, native or shuffle", strategy), partition.strategy().get().span());
        }
        if (partition.ownSource() && !strategy.equals("legacy")) {
            throw new DiagnosticException(DiagnosticFacts.notSupported("A partition subquery with its own source under the "
                    + strategy + " strategy (Kusto allows it only with legacy)"), partition.subquery().span());
        }
        String key = partition.key().name();
        KqlType keyType = input.schema().stream().filter(c -> c.name().equals(key)).map(ColumnSchema::type).findFirst()
                .orElseThrow(() -> new DiagnosticException(DiagnosticFacts.unknownColumn(key), partition.key().span()));
        Scope scope = Scope.of(input.schema(), environment);
        String keyText = PluginExpansion.name(key);
        BoundExpression encoded = ExpressionBinder.bindScalar(KqlParser.parseExpression(
                "iff(isnull(" + keyText + "), \"" + NULL_KEY + "\", strcat(\"" + VALUE_KEY + "\", tostring(" + keyText + ")))"), scope);
        List<String> values = keys(partition, input, encoded, environment);
        int limit = strategy.equals("legacy") ? LEGACY_LIMIT : LIMIT;
        if (values.size() > limit) {
            throw new DiagnosticException(DiagnosticFacts.tooManyPartitions(limit, strategy), partition.key().span());
        }
        if (values.isEmpty()) {
            LogicalOperator none = new Filter(input, BoundLiteral.of(false, KqlType.BOOL));
            return new Limit(subquery(partition, none, key, keyType, Optional.empty(), environment), 0);
        }
        List<LogicalOperator> legs = new ArrayList<>();
        for (String value : values) {
            Optional<String> text = value.startsWith(VALUE_KEY) ? Optional.of(value.substring(VALUE_KEY.length())) : Optional.empty();
            String condition = text.map(t -> "isnotnull(" + keyText + ") and tostring(" + keyText + ") == " + PluginExpansion.string(t))
                    .orElse("isnull(" + keyText + ")");
            LogicalOperator rows = new Filter(input, ExpressionBinder.bindScalar(KqlParser.parseExpression(condition), scope));
            legs.add(subquery(partition, rows, key, keyType, text, environment));
        }
        List<ColumnSchema> columns = legs.get(0).schema();
        List<List<Optional<String>>> sources = new ArrayList<>();
        for (LogicalOperator leg : legs) {
            sources.add(columns.stream().map(c -> leg.schema().contains(c) ? Optional.of(c.name()) : Optional.<String>empty()).toList());
        }
        return new Union(legs, legs.stream().map(l -> "").toList(), columns, sources, Optional.empty());
    }

    /** The distinct encoded keys found in the data; asks for a probe when it has not run. */
    private static List<String> keys(PartitionOperator partition, LogicalOperator input, BoundExpression encoded, Environment environment) {
        String place = environment.placeOf(OPERATOR, partition.span());
        Optional<List<ColumnSchema>> found = environment.context().discoveredColumns(place);
        if (found.isEmpty()) {
            LogicalOperator values = new Project(input, List.of(new OutputColumn(EvaluateBinder.PROBED_COLUMN, encoded)));
            throw new SchemaProbeRequired(place, OPERATOR, values, Optional.of(KqlType.STRING));
        }
        return found.get().stream().map(ColumnSchema::name).toList();
    }

    /** The subquery over one partition's rows; in the braced form the key's value is a scalar named after the key. */
    private static LogicalOperator subquery(PartitionOperator partition, LogicalOperator rows, String key, KqlType keyType,
                                            Optional<String> keyValue, Environment environment) {
        if (!partition.ownSource()) {
            return TabularBinder.bindOverRows(partition.subquery(), rows, environment);
        }
        Environment scope = environment.child();
        String conversion = keyType == KqlType.STRING ? "tostring" : keyType == KqlType.DYNAMIC ? "parse_json" : "to" + keyType.kqlName();
        String value = keyValue.map(v -> conversion + "(" + PluginExpansion.string(v) + ")").orElse(conversion + "(\"\")");
        BoundExpression scalar = keyValue.isEmpty() && keyType != KqlType.STRING ? new BoundLiteral(Optional.empty(), keyType)
                : ExpressionBinder.bindScalar(KqlParser.parseExpression(value), Scope.of(List.of(), environment));
        scope.define(key, new Symbol.Scalar(scalar));
        return TabularBinder.bind(partition.subquery(), scope);
    }
}
