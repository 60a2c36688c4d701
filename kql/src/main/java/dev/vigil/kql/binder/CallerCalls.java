package dev.vigil.kql.binder;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.vigil.kql.QueryCaller;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.LiteralExpression;
import dev.vigil.kql.syntax.LiteralKind;
import dev.vigil.kql.types.KqlType;
import java.util.List;
import java.util.Set;

/**
 * The functions that describe who runs the query: {@code current_principal()}, {@code current_principal_details()},
 * {@code current_principal_is_member_of(...)}, {@code current_database()} and {@code current_cluster_endpoint()}.
 * Each is a constant of the query, taken from its {@link QueryCaller}. Vigil's users have roles, not groups, so a
 * principal is a member only of itself.
 */
final class CallerCalls {
    static final String PRINCIPAL = "current_principal";
    static final String PRINCIPAL_DETAILS = "current_principal_details";
    static final String IS_MEMBER_OF = "current_principal_is_member_of";
    static final String DATABASE = "current_database";
    static final String CLUSTER_ENDPOINT = "current_cluster_endpoint";
    static final Set<String> NAMES = Set.of(PRINCIPAL, PRINCIPAL_DETAILS, IS_MEMBER_OF, DATABASE, CLUSTER_ENDPOINT);
    /** The host name Vigil reports as its cluster: one node, this one. */
    private static final String ENDPOINT = "localhost";

    private CallerCalls() {
    }

    static BoundExpression bind(FunctionCall call, QueryCaller caller) {
        if (call.name().equals(IS_MEMBER_OF)) {
            return isMemberOf(call, caller);
        }
        if (!call.arguments().isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.argumentCount(call.name(), List.of(0)), call.span());
        }
        switch (call.name()) {
            case PRINCIPAL:
                return BoundLiteral.of(caller.principal(), KqlType.STRING);
            case PRINCIPAL_DETAILS:
                return BoundLiteral.of(details(caller), KqlType.DYNAMIC);
            case DATABASE:
                return BoundLiteral.of(caller.database(), KqlType.STRING);
            default:
                return BoundLiteral.of(ENDPOINT, KqlType.STRING);
        }
    }

    private static BoundExpression isMemberOf(FunctionCall call, QueryCaller caller) {
        if (call.arguments().isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.argumentCountAtLeast(call.name(), 1), call.span());
        }
        boolean member = false;
        for (Expression argument : call.arguments()) {
            if (!(argument instanceof LiteralExpression literal) || literal.kind() != LiteralKind.STRING) {
                throw new DiagnosticException(DiagnosticFacts.constantArgument(call.name(), "each group or user name as a string"), argument.span());
            }
            member |= !caller.principal().isEmpty() && caller.principal().equalsIgnoreCase((String) literal.value());
        }
        return BoundLiteral.of(member, KqlType.BOOL);
    }

    /** A bag of the caller's identity; a Vigil user has a name and no directory object. */
    private static String details(QueryCaller caller) {
        return JsonNodeFactory.instance.objectNode().put("Type", "Vigil user").put("DisplayName", caller.principal())
                .put("FQN", caller.principal()).toString();
    }
}
