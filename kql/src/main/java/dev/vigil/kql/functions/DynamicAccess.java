package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;
import java.util.Optional;

/**
 * Property and element access on dynamic values ({@code x.a}, {@code x["a"]}, {@code x[0]},
 * {@code x[-1]}). A missing property, an index out of range, or access into a value of the wrong
 * kind gives null, never an error. Properties are read with a JSON pointer, so any key works.
 * Access into {@code parse_json(text)} reads the text itself, in one JSON parse rather than three
 * (validate, rewrite compactly, extract): text that is not JSON has no properties or elements, so
 * the extraction's error on it becomes null through {@code TRY}.
 */
final class DynamicAccess {
    static final FunctionDeclaration MEMBER = FunctionDeclaration.scalar(".", ColumnNaming.NONE, List.of(
            Signature.of(KqlType.DYNAMIC, DynamicAccess::member, KqlType.DYNAMIC, KqlType.STRING)));
    static final FunctionDeclaration ELEMENT = FunctionDeclaration.scalar("[]", ColumnNaming.NONE, List.of(
            Signature.of(KqlType.DYNAMIC, DynamicAccess::element, KqlType.DYNAMIC, KqlType.LONG),
            Signature.of(KqlType.DYNAMIC, DynamicAccess::member, KqlType.DYNAMIC, KqlType.STRING)));

    private DynamicAccess() {
    }

    private static String member(RenderArguments a) {
        Optional<Object> name = a.constant(1);
        if (name.isPresent()) {
            return extract(a, a.stringLiteral("/" + escapePointer((String) name.get())));
        }
        return extract(a, "'/' || replace(replace(" + a.sql(1) + ", '~', '~0'), '/', '~1')");
    }

    private static String element(RenderArguments a) {
        Optional<Object> index = a.constant(1);
        if (index.isPresent()) {
            long value = ((Number) index.get()).longValue();
            return extract(a, a.stringLiteral(arrayPath(value)));
        }
        return SharedValue.let(a.sql(1), i -> extract(a, "CASE WHEN " + i + " < 0 THEN '$[#' || CAST(" + i
                + " AS VARCHAR) || ']' ELSE '$[' || CAST(" + i + " AS VARCHAR) || ']' END"));
    }

    /** The value at {@code path} in the first argument, or in the text it parses when it is {@code parse_json(text)}. */
    private static String extract(RenderArguments a, String path) {
        return a.parsedText(0).map(text -> "TRY(json_extract(" + text + ", " + path + "))")
                .orElseGet(() -> "json_extract(" + a.sql(0) + ", " + path + ")");
    }

    static String arrayPath(long index) {
        return index < 0 ? "$[#" + index + "]" : "$[" + index + "]";
    }

    static String escapePointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
