package dev.vigil.soc.playbook.expression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.KqlDiagnostic;
import dev.vigil.kql.types.KqlType;
import dev.vigil.soc.playbook.InvalidPlaybookException;
import dev.vigil.workspace.api.KqlQueryException;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.ResultTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles and evaluates playbook expressions with the workspace's KQL engine (see the package
 * documentation for how): {@link #check} at save, {@link #evaluate} at run time, several
 * expressions in one query.
 */
public final class KqlExpressions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LogStore logStore;

    public KqlExpressions(LogStore logStore) {
        this.logStore = logStore;
    }

    /**
     * Compiles the expression where the scope's variables are bound, without running it.
     *
     * @return the expression's KQL type
     * @throws InvalidPlaybookException at the expression's path, with the character of its value where KQL found the problem
     */
    public KqlType check(String workspaceId, ExpressionScope scope, Expression expression) {
        String prefix = Bindings.placeholderLets(scope) + "print e0 = ";
        try {
            List<ColumnSchema> columns = logStore.explain(workspaceId, QueryRequest.of(prefix + expression.text())).columns();
            return columns.get(0).type();
        } catch (KqlQueryException e) {
            KqlDiagnostic first = e.diagnostics().get(0);
            int inExpression = Math.max(0, Math.min(first.start() - prefix.length(), expression.text().length()));
            throw new InvalidPlaybookException(expression.path(), expression.offset() + inExpression + 1,
                    "'" + expression.text().strip() + "' is not a valid KQL expression here: " + first.message());
        }
    }

    /** {@link #check} for every expression of a template; a template is a string unless it is a single expression. */
    public KqlType check(String workspaceId, ExpressionScope scope, Template template) {
        KqlType type = KqlType.STRING;
        for (Expression expression : template.expressions()) {
            type = check(workspaceId, scope, expression);
        }
        return template.isSingleExpression() ? type : KqlType.STRING;
    }

    /** Evaluates KQL expressions with the variables bound to their values, in one query; their values as JSON. */
    public List<JsonNode> evaluate(String workspaceId, Bindings bindings, List<String> expressions) {
        return evaluate(workspaceId, bindings, "", expressions);
    }

    /** {@link #evaluate(String, Bindings, List)} after more {@code let} statements, which may name the bound variables. */
    public List<JsonNode> evaluate(String workspaceId, Bindings bindings, String lets, List<String> expressions) {
        if (expressions.isEmpty()) {
            return List.of();
        }
        StringBuilder query = new StringBuilder(bindings.lets()).append(lets).append("print ");
        for (int i = 0; i < expressions.size(); i++) {
            query.append(i == 0 ? "" : ", ").append('e').append(i).append(" = ").append(expressions.get(i));
        }
        ResultTable result = logStore.query(workspaceId, QueryRequest.of(query.toString())).primary();
        List<Object> row = result.rows().get(0);
        List<JsonNode> values = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            values.add(json(result.columns().get(i).type(), row.get(i)));
        }
        return values;
    }

    /** Evaluates one template: a single expression keeps its type, anything else is a string. */
    public JsonNode evaluate(String workspaceId, Bindings bindings, Template template) {
        if (template.isConstant()) {
            return TextNode.valueOf(template.text());
        }
        return evaluate(workspaceId, bindings, List.of(template.kql())).get(0);
    }

    /** A value of a query result (already in the query API's JSON form) as a JSON node. */
    public static JsonNode json(KqlType type, Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        return switch (type) {
            case DYNAMIC -> {
                try {
                    yield JSON.readTree(value.toString());
                } catch (JsonProcessingException e) {
                    yield TextNode.valueOf(value.toString());
                }
            }
            case BOOL -> BooleanNode.valueOf((Boolean) value);
            case INT, LONG -> LongNode.valueOf(((Number) value).longValue());
            case REAL -> DoubleNode.valueOf(((Number) value).doubleValue());
            default -> TextNode.valueOf(value.toString());
        };
    }
}
