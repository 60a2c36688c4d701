package dev.vigil.kql.functions;

import java.util.List;

/** A built-in function or operator: its name, kind, implicit column naming and overloads. */
public record FunctionDeclaration(String name, FunctionKind kind, ColumnNaming naming, List<Signature> signatures) {
    public FunctionDeclaration {
        signatures = List.copyOf(signatures);
    }

    public static FunctionDeclaration scalar(String name, ColumnNaming naming, List<Signature> signatures) {
        return new FunctionDeclaration(name, FunctionKind.SCALAR, naming, signatures);
    }

    public static FunctionDeclaration aggregate(String name, ColumnNaming naming, List<Signature> signatures) {
        return new FunctionDeclaration(name, FunctionKind.AGGREGATE, naming, signatures);
    }

    public static FunctionDeclaration window(String name, ColumnNaming naming, List<Signature> signatures) {
        return new FunctionDeclaration(name, FunctionKind.WINDOW, naming, signatures);
    }

    public boolean isWindow() {
        return kind == FunctionKind.WINDOW;
    }

    public boolean isAggregate() {
        return kind == FunctionKind.AGGREGATE;
    }
}
