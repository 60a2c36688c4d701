package dev.vigil.workspace.functions;

import dev.vigil.kql.functions.FunctionRegistry;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.FunctionDefinitionException;
import java.util.Collection;
import java.util.Set;
import java.util.regex.Pattern;

/** Which names a stored function may have: an identifier that no table, built-in function or keyword uses. */
public final class FunctionNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    /**
     * Words that begin a query or a special call: a function with one of these names could not be
     * called by it, because the parser reads the word as the language's own.
     */
    private static final Set<String> RESERVED = Set.of("let", "set", "declare", "datatable", "print", "range", "union",
            "search", "find", "evaluate", "materialize", "toscalar", "table", "view", "true", "false", "null",
            "and", "or", "not");

    private FunctionNames() {
    }

    /**
     * @param tableNames the workspace's tables; a function may not share a name with one, in any case
     * @throws FunctionDefinitionException naming the clash
     */
    public static void check(String name, Collection<String> tableNames) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new FunctionDefinitionException("function name '" + name + "' is not valid: it must start with a letter"
                    + " or '_', hold only letters, digits and '_', and be at most 128 characters long");
        }
        if (RESERVED.contains(name) || KqlType.fromName(name).isPresent()) {
            throw new FunctionDefinitionException("function name '" + name + "' is a KQL keyword; choose another name");
        }
        if (FunctionRegistry.function(name).isPresent()) {
            throw new FunctionDefinitionException("function name '" + name + "' is taken by a built-in KQL function;"
                    + " a stored function of that name could never be called");
        }
        for (String table : tableNames) {
            if (table.equalsIgnoreCase(name)) {
                throw new FunctionDefinitionException("function name '" + name + "' clashes with the table '" + table
                        + "' of this workspace");
            }
        }
    }
}
