package dev.vigil.soc.playbook.expression;

import dev.vigil.kql.KqlQuoting;
import dev.vigil.soc.playbook.InvalidPlaybookException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A text value with KQL expressions embedded as {@code {{ expression }}}. A value that is one
 * embedded expression and nothing else keeps the expression's type (a number stays a number in a
 * JSON body); any other template makes a string, each expression's value as {@code tostring} gives it.
 */
public record Template(String text, List<Part> parts) {

    /** A piece of a template: literal text, or an expression. */
    public sealed interface Part {
    }

    public record Literal(String text) implements Part {
    }

    public record Embedded(Expression expression) implements Part {
    }

    public Template {
        Objects.requireNonNull(text, "text");
        parts = List.copyOf(parts);
    }

    /** Reads {@code {{ }}} markers; an unclosed one is refused at its position. String literals inside an expression may hold braces. */
    public static Template parse(String text, String path) {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                parts.add(new Literal(text.substring(at)));
                break;
            }
            if (open > at) {
                parts.add(new Literal(text.substring(at, open)));
            }
            int close = closing(text, open + 2);
            if (close < 0) {
                throw new InvalidPlaybookException(path, open + 1, "'{{' is not closed by '}}'");
            }
            String inner = text.substring(open + 2, close);
            if (inner.isBlank()) {
                throw new InvalidPlaybookException(path, open + 1, "'{{ }}' holds no expression");
            }
            parts.add(new Embedded(new Expression(inner, path, open + 2)));
            at = close + 2;
        }
        return new Template(text, parts);
    }

    /** A template of literal text only, however it reads. */
    public static Template literal(String text) {
        return new Template(text, text.isEmpty() ? List.of() : List.of(new Literal(text)));
    }

    private static int closing(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                return i;
            }
        }
        return -1;
    }

    public List<Expression> expressions() {
        return parts.stream().filter(Embedded.class::isInstance).map(part -> ((Embedded) part).expression()).toList();
    }

    public boolean isConstant() {
        return expressions().isEmpty();
    }

    /** One expression with nothing around it: its value keeps its type. */
    public boolean isSingleExpression() {
        return parts.size() == 1 && parts.get(0) instanceof Embedded;
    }

    /** The KQL expression that evaluates the whole template. */
    public String kql() {
        if (isSingleExpression()) {
            return "(" + ((Embedded) parts.get(0)).expression().text() + ")";
        }
        if (parts.isEmpty()) {
            return "\"\"";
        }
        return parts.stream().map(part -> part instanceof Embedded embedded ? "tostring(" + embedded.expression().text() + ")"
                : KqlQuoting.stringLiteral(((Literal) part).text())).collect(Collectors.joining(", ", "strcat(", ")"));
    }
}
