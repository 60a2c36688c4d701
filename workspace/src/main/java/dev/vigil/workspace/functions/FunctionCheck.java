package dev.vigil.workspace.functions;

import dev.vigil.kql.Compilation;
import dev.vigil.kql.CompileOptions;
import dev.vigil.kql.Kql;
import dev.vigil.kql.KqlQuoting;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.KqlDiagnostic;
import dev.vigil.kql.parser.KqlParser;
import dev.vigil.kql.syntax.ColumnDeclaration;
import dev.vigil.kql.syntax.FunctionDefinition;
import dev.vigil.kql.syntax.Parameter;
import dev.vigil.kql.syntax.SourceText;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.FunctionDefinitionException;
import dev.vigil.workspace.api.FunctionPart;
import dev.vigil.workspace.api.StoredFunctionDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks that a stored function compiles before it is saved. The definition is written into a
 * query as a {@code let} function and called once with an argument of each parameter's type, so
 * the compiler binds the body; positions of any error are then counted from the start of the body
 * (or of the parameter list), which is what the author wrote.
 */
public final class FunctionCheck {
    private static final String CHECKED = "vigil_function_under_check";
    private static final String DECLARATION = "let " + CHECKED + " = ";

    private FunctionCheck() {
    }

    /**
     * The parameter list as the compiler takes it: in parentheses, {@code ()} when there are none.
     * Log Analytics writes saved functions' parameters without them ({@code x:int, y:string}).
     */
    public static String normalizedParameters(String parameters) {
        String trimmed = parameters.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        return trimmed.startsWith("(") ? parameters : "(" + parameters + ")";
    }

    /**
     * @param definition with its parameters already {@linkplain #normalizedParameters normalized}
     * @param given the parameter list as the author wrote it, for positions in it
     * @param catalog the workspace's tables and stored functions, with this definition in place of any older one
     * @throws FunctionDefinitionException with the first error, positioned within the body or the parameters
     */
    public static void check(StoredFunctionDefinition definition, String given, Catalog catalog, Instant now) {
        Layout layout = new Layout(definition, given);
        // externaldata is read when the function is called, under the caller's allow-list; here an empty document checks its shape
        CompileOptions options = CompileOptions.at(now).withExternalData(location -> new byte[0]);
        // a let function is bound only when called: this first compilation checks the syntax alone
        refuseIfErrors(Kql.compile(layout.text + "print 0", catalog, options), layout);
        FunctionDefinition parsed;
        try {
            parsed = KqlParser.parseFunction(definition.parameters(), definition.body());
        } catch (DiagnosticException e) {
            throw new FunctionDefinitionException("function '" + definition.name() + "' does not parse: " + e.getMessage());
        }
        Optional<List<String>> arguments = arguments(parsed.parameters());
        if (arguments.isEmpty()) {
            // a table parameter declared (*) can have any columns: the body is checked when it is called
            return;
        }
        String call = CHECKED + "(" + String.join(", ", arguments.get()) + ")";
        refuseIfErrors(Kql.compile(layout.text + "let vigil_function_result = " + call + ";\nprint 0", catalog, options), layout);
    }

    /**
     * Sample arguments for the parameters up to the last one without a default (the others take
     * their defaults, which are checked so); empty if a table parameter accepts any columns.
     */
    private static Optional<List<String>> arguments(List<Parameter> parameters) {
        int required = 0;
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).defaultValue().isEmpty()) {
                required = i + 1;
            }
        }
        List<String> arguments = new ArrayList<>();
        for (Parameter parameter : parameters) {
            if (parameter.isTabular() && parameter.tabularColumns().isEmpty()) {
                return Optional.empty();
            }
            if (arguments.size() < required) {
                arguments.add(parameter.isTabular() ? emptyTable(parameter.tabularColumns()) : sample(parameter.scalarType().orElseThrow()));
            }
        }
        return Optional.of(arguments);
    }

    private static String emptyTable(List<ColumnDeclaration> columns) {
        List<String> declared = new ArrayList<>();
        for (ColumnDeclaration column : columns) {
            declared.add(KqlQuoting.name(column.name().name()) + ":" + column.typeName());
        }
        return "datatable(" + String.join(", ", declared) + ")[]";
    }

    /** A literal of the type; an unknown type name is left to the compiler to report at the parameter. */
    private static String sample(String typeName) {
        return KqlType.fromName(typeName).map(type -> switch (type) {
            case BOOL -> "true";
            case INT -> "int(1)";
            case LONG -> "long(1)";
            case REAL -> "real(1)";
            case DECIMAL -> "decimal(1)";
            case STRING -> "\"x\"";
            case DATETIME -> "datetime(2024-01-01)";
            case TIMESPAN -> "1h";
            case GUID -> "guid(00000000-0000-0000-0000-000000000000)";
            case DYNAMIC -> "dynamic(null)";
        }).orElse("dynamic(null)");
    }

    private static void refuseIfErrors(Compilation compilation, Layout layout) {
        if (!compilation.hasErrors()) {
            return;
        }
        List<KqlDiagnostic> errors = compilation.errors();
        FunctionPart part = layout.partOf(errors.get(0));
        List<KqlDiagnostic> located = errors.stream().filter(e -> layout.partOf(e) == part).map(e -> layout.within(part, e)).toList();
        String where = part == FunctionPart.BODY ? "the body" : "the parameter list";
        throw new FunctionDefinitionException("function '" + layout.name + "' does not compile: " + where + " has an error at "
                + located.get(0).describe(), part, located);
    }

    /** Where the author's parameter list and body sit in the checking query's text. */
    private static final class Layout {
        final String name;
        final String text;
        final String given;
        final String body;
        final int parametersStart;
        final int parametersEnd;
        /** Characters added in front of the given parameter list, when it was wrapped in parentheses. */
        final int parametersShift;
        final int bodyStart;

        Layout(StoredFunctionDefinition definition, String given) {
            String parameters = definition.parameters().isBlank() ? "()" : definition.parameters();
            this.name = definition.name();
            this.given = given;
            this.body = definition.body();
            this.parametersStart = DECLARATION.length();
            this.parametersEnd = parametersStart + parameters.length();
            this.parametersShift = parameters.equals(given) ? 0 : Math.max(0, parameters.indexOf(given));
            this.bodyStart = parametersEnd + 1;
            this.text = DECLARATION + parameters + "{" + body + "\n};\n";
        }

        FunctionPart partOf(KqlDiagnostic diagnostic) {
            boolean inParameters = diagnostic.start() >= parametersStart && diagnostic.start() < parametersEnd && !given.isBlank();
            return inParameters ? FunctionPart.PARAMETERS : FunctionPart.BODY;
        }

        /** The diagnostic with its position counted within the part; one outside the text points at its end. */
        KqlDiagnostic within(FunctionPart part, KqlDiagnostic diagnostic) {
            String partText = part == FunctionPart.BODY ? body : given;
            int partStart = part == FunctionPart.BODY ? bodyStart : parametersStart + parametersShift;
            int offset = Math.max(0, Math.min(partText.length(), diagnostic.start() - partStart));
            int length = Math.min(diagnostic.length(), partText.length() - offset);
            SourceText source = new SourceText(partText);
            return new KqlDiagnostic(diagnostic.code(), diagnostic.severity(), diagnostic.message(), offset, length,
                    source.line(offset), source.column(offset));
        }
    }
}
