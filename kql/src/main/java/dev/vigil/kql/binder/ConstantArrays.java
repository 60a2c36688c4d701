package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the elements of a constant dynamic array of scalars (the JSON text of a {@code dynamic([...])}
 * literal), so that {@code x in (dynamic([...]))} and {@code has_any} lists can be spread into
 * separate constants. Empty when the text is not such an array (nested values, objects).
 */
final class ConstantArrays {
    private final String json;
    private int position;

    private ConstantArrays(String json) {
        this.json = json;
    }

    static Optional<List<BoundLiteral>> elements(String json) {
        ConstantArrays reader = new ConstantArrays(json.trim());
        try {
            return Optional.of(reader.array());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private List<BoundLiteral> array() {
        expect('[');
        List<BoundLiteral> elements = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            position++;
            return end(elements);
        }
        while (true) {
            elements.add(scalar());
            skipSpace();
            char c = next();
            if (c == ']') {
                return end(elements);
            }
            if (c != ',') {
                throw new IllegalArgumentException("not an array of scalars");
            }
        }
    }

    private List<BoundLiteral> end(List<BoundLiteral> elements) {
        skipSpace();
        if (position != json.length()) {
            throw new IllegalArgumentException("text after the array");
        }
        return elements;
    }

    private BoundLiteral scalar() {
        skipSpace();
        char c = peek();
        if (c == '"') {
            return BoundLiteral.of(string(), KqlType.STRING);
        }
        if (json.startsWith("true", position) || json.startsWith("false", position)) {
            boolean value = json.startsWith("true", position);
            position += value ? 4 : 5;
            return BoundLiteral.of(value, KqlType.BOOL);
        }
        if (json.startsWith("null", position)) {
            position += 4;
            return new BoundLiteral(Optional.empty(), KqlType.STRING);
        }
        int start = position;
        while (position < json.length() && "+-0123456789.eE".indexOf(json.charAt(position)) >= 0) {
            position++;
        }
        String number = json.substring(start, position);
        if (number.isEmpty()) {
            throw new IllegalArgumentException("not a scalar");
        }
        try {
            return number.matches("-?[0-9]+") ? BoundLiteral.of(Long.parseLong(number), KqlType.LONG)
                    : BoundLiteral.of(Double.parseDouble(number), KqlType.REAL);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number", e);
        }
    }

    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                char escaped = next();
                switch (escaped) {
                    case 'n': value.append('\n'); break;
                    case 'r': value.append('\r'); break;
                    case 't': value.append('\t'); break;
                    case 'b': value.append('\b'); break;
                    case 'f': value.append('\f'); break;
                    case 'u':
                        if (position + 4 > json.length()) {
                            throw new IllegalArgumentException("short escape");
                        }
                        value.append((char) Integer.parseInt(json.substring(position, position + 4), 16));
                        position += 4;
                        break;
                    default: value.append(escaped);
                }
            } else {
                value.append(c);
            }
        }
    }

    private void expect(char c) {
        skipSpace();
        if (next() != c) {
            throw new IllegalArgumentException("expected " + c);
        }
    }

    private char next() {
        if (position >= json.length()) {
            throw new IllegalArgumentException("unexpected end");
        }
        return json.charAt(position++);
    }

    private char peek() {
        return position < json.length() ? json.charAt(position) : 0;
    }

    private void skipSpace() {
        while (position < json.length() && Character.isWhitespace(json.charAt(position))) {
            position++;
        }
    }
}
