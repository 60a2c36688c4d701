package dev.vigil.kql.functions;

import java.util.List;

/**
 * A built-in function or operator: its name, kind, implicit column naming and overloads.
 * {@code resultPrefix} is the prefix of implicit column names where it differs from the name
 * ({@code make_set(X)} is named {@code set_X}). {@code deviation} says in a few words how the
 * function differs from Kusto's, or is empty; the checklist in docs/kql.md is written from it.
 */
public record FunctionDeclaration(String name, FunctionKind kind, ColumnNaming naming, List<Signature> signatures, String resultPrefix,
                                  String deviation) {
    public FunctionDeclaration {
        signatures = List.copyOf(signatures);
    }

    public FunctionDeclaration(String name, FunctionKind kind, ColumnNaming naming, List<Signature> signatures, String resultPrefix) {
        this(name, kind, naming, signatures, resultPrefix, "");
    }

    public static FunctionDeclaration scalar(String name, ColumnNaming naming, List<Signature> signatures) {
        return new FunctionDeclaration(name, FunctionKind.SCALAR, naming, signatures, name);
    }

    public static FunctionDeclaration aggregate(String name, ColumnNaming naming, List<Signature> signatures) {
        return new FunctionDeclaration(name, FunctionKind.AGGREGATE, naming, signatures, name);
    }

    /** The same declaration under another name (a legacy spelling), keeping its column naming. */
    public FunctionDeclaration alias(String alias) {
        return new FunctionDeclaration(alias, kind, naming, signatures, resultPrefix, deviation);
    }

    /** The same declaration naming its result columns with {@code prefix} instead of its name. */
    public FunctionDeclaration withResultPrefix(String prefix) {
        return new FunctionDeclaration(name, kind, naming, signatures, prefix, deviation);
    }

    /** The same declaration, naming its result columns by {@code rule}. */
    public FunctionDeclaration withNaming(ColumnNaming rule) {
        return new FunctionDeclaration(name, kind, rule, signatures, resultPrefix, deviation);
    }

    /** The same declaration, noting how it differs from Kusto's function. */
    public FunctionDeclaration withDeviation(String text) {
        return new FunctionDeclaration(name, kind, naming, signatures, resultPrefix, text);
    }

    public static FunctionDeclaration window(String name, ColumnNaming naming, List<Signature> signatures) {
        return new FunctionDeclaration(name, FunctionKind.WINDOW, naming, signatures, name);
    }

    public boolean isWindow() {
        return kind == FunctionKind.WINDOW;
    }

    public boolean isAggregate() {
        return kind == FunctionKind.AGGREGATE;
    }
}
