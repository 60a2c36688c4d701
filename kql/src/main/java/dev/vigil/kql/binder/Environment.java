package dev.vigil.kql.binder;

import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.StoredFunction;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.parser.KqlParser;
import dev.vigil.kql.syntax.FunctionDefinition;
import dev.vigil.kql.syntax.Span;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names visible to a statement: those declared by earlier {@code let} statements (innermost
 * first), then the catalog's tables and stored functions.
 */
final class Environment {
    /** Deeper chains of user function calls are refused (Kusto forbids recursion). */
    static final int MAX_CALL_DEPTH = 32;

    private final Environment parent;
    private final QueryContext context;
    private final Map<String, Symbol> symbols = new HashMap<>();
    private final int callDepth;
    /** The chain of calls that led here, as {@code name@offset/} per call; empty at the query's top level. */
    private final String callPath;

    private Environment(Environment parent, QueryContext context, int callDepth, String callPath) {
        this.parent = parent;
        this.context = context;
        this.callDepth = callDepth;
        this.callPath = callPath;
    }

    static Environment root(QueryContext context) {
        return new Environment(null, context, 0, "");
    }

    /** An environment for the statements after a {@code let}, or a function body. */
    Environment child() {
        return new Environment(this, context, callDepth, callPath);
    }

    /** The environment a function body runs in: under the function's closure, one call deeper. */
    Environment calleeOf(Environment closure, String function, Span callSpan) {
        if (callDepth + 1 > MAX_CALL_DEPTH) {
            throw new DiagnosticException(DiagnosticFacts.callsTooDeep(MAX_CALL_DEPTH), callSpan);
        }
        return new Environment(closure, context, callDepth + 1, callPath + function + "@" + callSpan.start() + "/");
    }

    /** Whether spans here count from the query's text: not inside a function call, whose errors are reported at the call. */
    boolean isQueryText() {
        return callPath.isEmpty();
    }

    /**
     * A stable id of the operator at {@code span}: the same in every compilation of the same query
     * and catalog, and different for each call of a function that holds the operator.
     */
    String placeOf(String operator, Span span) {
        return callPath + operator + "@" + span.start();
    }

    void define(String name, Symbol symbol) {
        symbols.put(name, symbol);
    }

    /** The symbol declared with this name, innermost first; stored functions come last. */
    Optional<Symbol> lookup(String name) {
        for (Environment environment = this; environment != null; environment = environment.parent) {
            Symbol symbol = environment.symbols.get(name);
            if (symbol != null) {
                return Optional.of(symbol);
            }
        }
        return Optional.empty();
    }

    /** A stored function of the catalog, parsed on first use. */
    Optional<Symbol.Function> storedFunction(String name, Span callSpan) {
        Optional<Symbol.Function> cached = context.storedFunction(name);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<StoredFunction> stored = catalog().function(name);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        FunctionDefinition definition;
        try {
            definition = KqlParser.parseFunction(stored.get().parameters(), stored.get().body());
        } catch (DiagnosticException e) {
            throw new DiagnosticException(DiagnosticFacts.storedFunctionInvalid(name,
                    StoredFunctionErrors.place(stored.get(), e.span()) + ": " + e.fact().message()), callSpan);
        }
        Symbol.Function function = new Symbol.Function(name, definition, root(context), stored);
        context.cacheStoredFunction(name, function);
        return Optional.of(function);
    }

    Catalog catalog() {
        return context.catalog();
    }

    QueryContext context() {
        return context;
    }
}
