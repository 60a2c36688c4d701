package dev.vigil.soc.content.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.kql.KqlQuoting;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A field of a search identifier, with its modifiers and values ({@code CommandLine|contains|all:
 * [...]}): the values are alternatives unless {@code |all} asks for every one. Strings compare
 * without case unless {@code |cased}, as Sigma's do.
 */
record FieldMatch(String field, List<String> modifiers, List<JsonNode> values) implements SigmaExpression {
    /** The modifiers that decide how a value is compared; a field takes at most one. */
    private static final Set<String> COMPARISONS = Set.of("contains", "startswith", "endswith", "re", "cidr", "gt", "gte", "lt", "lte", "exists",
            "fieldref");
    private static final Set<String> TRANSFORMS = Set.of("base64", "base64offset", "windash");
    private static final Set<String> FLAGS = Set.of("all", "cased", "i", "m", "s");
    /** Known to Sigma, not converted: placeholders need a value list, the UTF-16 encodings a binary search. */
    private static final Set<String> NOT_CONVERTED = Set.of("expand", "wide", "utf16", "utf16le", "utf16be", "minute", "hour", "day", "week", "month",
            "year");

    FieldMatch {
        modifiers = List.copyOf(modifiers);
        values = List.copyOf(values);
    }

    /** How a string is compared. */
    enum Operator { EQUALS, CONTAINS, STARTSWITH, ENDSWITH }

    /**
     * One string value compared with one column.
     *
     * @param target the column as KQL names it (quoted if it must be), or an expression of it
     */
    record Term(String target, Operator operator, SigmaString value, boolean cased) implements SigmaExpression {
        @Override
        public String kql(LogSourceMapping mapping) {
            String name = target;
            if (!value.hasWildcards()) {
                String text = value.plain();
                if (operator == Operator.EQUALS && text.isEmpty()) {
                    return "isempty(" + name + ")";
                }
                String literal = KqlQuoting.stringLiteral(text);
                return switch (operator) {
                    case EQUALS -> name + (cased ? " == " : " =~ ") + literal;
                    case CONTAINS -> name + (cased ? " contains_cs " : " contains ") + literal;
                    case STARTSWITH -> name + (cased ? " startswith_cs " : " startswith ") + literal;
                    case ENDSWITH -> name + (cased ? " endswith_cs " : " endswith ") + literal;
                };
            }
            SigmaString inner = value.trimmed();
            if (operator == Operator.EQUALS && !inner.hasWildcards()) {
                // '*x*', '*x' and 'x*' are what contains, endswith and startswith say; '*' alone is any value
                if (inner.parts().isEmpty()) {
                    return "isnotempty(" + name + ")";
                }
                Operator shortcut = value.leadingAnything() && value.trailingAnything() ? Operator.CONTAINS
                        : value.leadingAnything() ? Operator.ENDSWITH : Operator.STARTSWITH;
                return new Term(target, shortcut, inner, cased).kql(mapping);
            }
            String regex = value.regex();
            regex = switch (operator) {
                case EQUALS -> "^" + regex + "$";
                case CONTAINS -> regex;
                case STARTSWITH -> "^" + regex;
                case ENDSWITH -> regex + "$";
            };
            return name + " matches regex " + KqlQuoting.stringLiteral((cased ? "" : "(?i)") + regex);
        }
    }

    /** A predicate written out already (a regular expression, a range, a comparison with a number...). */
    record Predicate(String text) implements SigmaExpression {
        @Override
        public String kql(LogSourceMapping mapping) {
            return text;
        }
    }

    @Override
    public String kql(LogSourceMapping mapping) {
        String comparison = null;
        Set<String> transforms = new LinkedHashSet<>();
        Set<String> flags = new LinkedHashSet<>();
        for (String modifier : modifiers) {
            if (COMPARISONS.contains(modifier)) {
                if (comparison != null) {
                    throw SigmaConversionException.invalid(field + ": the modifiers '" + comparison + "' and '" + modifier + "' do not go together");
                }
                comparison = modifier;
            } else if (TRANSFORMS.contains(modifier)) {
                transforms.add(modifier);
            } else if (FLAGS.contains(modifier)) {
                flags.add(modifier);
            } else if (NOT_CONVERTED.contains(modifier)) {
                throw SigmaConversionException.unsupported(field + ": the modifier '" + modifier + "' is not converted to KQL");
            } else {
                throw SigmaConversionException.invalid(field + ": '" + modifier + "' is not a Sigma modifier");
            }
        }
        if (transforms.contains("base64offset") && comparison == null) {
            comparison = "contains"; // base64offset only makes sense inside a longer value
        }
        if (!transforms.isEmpty() && comparison != null && !Set.of("contains", "startswith", "endswith").contains(comparison)) {
            throw SigmaConversionException.invalid(field + ": '" + String.join("|", transforms) + "' does not go with '" + comparison + "'");
        }
        String column = mapping.column(field);
        List<SigmaExpression> terms = new ArrayList<>();
        for (JsonNode value : values) {
            terms.add(term(mapping, column, comparison, transforms, flags, value));
        }
        if (terms.isEmpty()) {
            throw SigmaConversionException.invalid(field + ": has no value");
        }
        return (flags.contains("all") ? new AllOf(terms) : new AnyOf(terms)).kql(mapping);
    }

    private SigmaExpression term(LogSourceMapping mapping, String column, String comparison, Set<String> transforms, Set<String> flags,
                                 JsonNode value) {
        String name = KqlQuoting.name(column);
        boolean cased = flags.contains("cased");
        if (comparison == null || Set.of("contains", "startswith", "endswith").contains(comparison)) {
            Operator operator = comparison == null ? Operator.EQUALS : Operator.valueOf(comparison.toUpperCase(Locale.ROOT));
            if (value.isNull()) {
                if (operator != Operator.EQUALS) {
                    throw SigmaConversionException.invalid(field + ": null goes with no modifier (it means the field is empty)");
                }
                return new Predicate("isempty(" + name + ")");
            }
            if (value.isNumber() || value.isBoolean()) {
                if (operator == Operator.EQUALS && transforms.isEmpty()) {
                    return new Predicate(name + " == " + value.asText());
                }
                return new Term("tostring(" + name + ")", operator, SigmaString.parse(value.asText()), cased);
            }
            if (!value.isTextual()) {
                throw SigmaConversionException.invalid(field + ": a value must be a string, a number, a boolean or null");
            }
            List<SigmaExpression> variants = new ArrayList<>();
            for (SigmaString variant : transformed(SigmaString.parse(value.asText()), transforms)) {
                variants.add(new Term(name, operator, variant, cased));
            }
            return new AnyOf(variants);
        }
        return switch (comparison) {
            case "re" -> {
                String flagged = (flags.contains("i") ? "(?i)" : "") + (flags.contains("m") ? "(?m)" : "") + (flags.contains("s") ? "(?s)" : "");
                yield new Predicate(name + " matches regex " + KqlQuoting.stringLiteral(flagged + text(value, "re")));
            }
            case "cidr" -> {
                String range = text(value, "cidr");
                yield new Predicate((range.contains(":") ? "ipv6_is_in_range(" : "ipv4_is_in_range(") + name + ", " + KqlQuoting.stringLiteral(range) + ")");
            }
            case "gt", "gte", "lt", "lte" -> {
                if (!value.isNumber()) {
                    throw SigmaConversionException.invalid(field + ": '" + comparison + "' compares with a number; was " + value);
                }
                String operator = Map.of("gt", ">", "gte", ">=", "lt", "<", "lte", "<=").get(comparison);
                yield new Predicate(name + " " + operator + " " + value.asText());
            }
            case "exists" -> {
                if (!value.isBoolean()) {
                    throw SigmaConversionException.invalid(field + ": 'exists' takes true or false; was " + value);
                }
                yield new Predicate((value.booleanValue() ? "isnotempty(" : "isempty(") + name + ")");
            }
            case "fieldref" -> new Predicate(name + (cased ? " == " : " =~ ") + KqlQuoting.name(mapping.column(text(value, "fieldref"))));
            default -> throw new IllegalStateException("comparison " + comparison);
        };
    }

    private String text(JsonNode value, String modifier) {
        if (!value.isTextual()) {
            throw SigmaConversionException.invalid(field + ": '" + modifier + "' takes a string; was " + value);
        }
        return value.asText();
    }

    /** The values a transformation turns one value into: its base64 forms, or its spellings with other dashes before its flags. */
    private List<SigmaString> transformed(SigmaString value, Set<String> transforms) {
        List<SigmaString> values = List.of(value);
        if (transforms.contains("windash")) {
            int flags = CommandLineFlags.count(value);
            if (flags > CommandLineFlags.MAX_FLAGS) {
                throw SigmaConversionException.invalid(field + ": 'windash' spells each flag's dash " + CommandLineFlags.DASHES.size()
                        + " ways, for at most " + CommandLineFlags.MAX_FLAGS + " flags in a value; this value has " + flags);
            }
            values = List.copyOf(new LinkedHashSet<>(CommandLineFlags.spellings(value)));
        }
        if (transforms.contains("base64") || transforms.contains("base64offset")) {
            List<SigmaString> encoded = new ArrayList<>();
            for (SigmaString plain : values) {
                if (plain.hasWildcards()) {
                    throw SigmaConversionException.invalid(field + ": a base64 value cannot hold wildcards");
                }
                byte[] bytes = plain.plain().getBytes(StandardCharsets.UTF_8);
                if (transforms.contains("base64")) {
                    encoded.add(SigmaString.parse(escape(Base64.getEncoder().encodeToString(bytes))));
                } else {
                    base64Offsets(bytes).forEach(text -> encoded.add(SigmaString.parse(escape(text))));
                }
            }
            values = encoded;
        }
        return values;
    }

    /**
     * The three base64 spellings of {@code bytes} inside a longer value, one per position modulo 3:
     * the characters that depend on the surrounding bytes are cut off both ends.
     */
    private static List<String> base64Offsets(byte[] bytes) {
        List<String> variants = new ArrayList<>();
        int[] cutStart = {0, 2, 3};
        int[] cutEnd = {0, 3, 2};
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + bytes.length];
            Arrays.fill(shifted, 0, offset, (byte) ' ');
            System.arraycopy(bytes, 0, shifted, offset, bytes.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            int end = encoded.length() - cutEnd[(bytes.length + offset) % 3];
            variants.add(encoded.substring(cutStart[offset], Math.max(cutStart[offset], end)));
        }
        return variants;
    }

    /** Base64 text holds no Sigma wildcard, but '+' and '/' are plain: nothing to escape beyond the wildcards themselves. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }
}
