package dev.vigil.soc.content.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Sigma condition: identifiers combined with {@code and}, {@code or}, {@code not} and
 * parentheses ({@code not} binds tightest, then {@code and}, then {@code or}), and
 * {@code 1 of}/{@code all of} a pattern of identifiers ({@code selection_*}) or {@code them}
 * (every identifier not starting with {@code _}). Aggregations ({@code | count() by ...}) are
 * refused: they were dropped from the specification for correlation rules.
 */
final class ConditionParser {
    private static final Pattern TOKEN = Pattern.compile("\\(|\\)|\\||[^\\s()|]+");

    private final List<String> tokens;
    private final Map<String, SigmaExpression> identifiers;
    private final String text;
    private int next;

    private ConditionParser(String text, Map<String, SigmaExpression> identifiers) {
        this.text = text;
        this.identifiers = identifiers;
        this.tokens = new ArrayList<>();
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            tokens.add(token.group());
        }
    }

    static SigmaExpression parse(String text, Map<String, SigmaExpression> identifiers) {
        ConditionParser parser = new ConditionParser(text, identifiers);
        if (parser.tokens.contains("|")) {
            throw SigmaConversionException.unsupported("condition '" + text + "': aggregations ('|') are not converted; write the rule in KQL");
        }
        SigmaExpression expression = parser.or();
        if (parser.next < parser.tokens.size()) {
            throw parser.error("'" + parser.tokens.get(parser.next) + "' is not expected here");
        }
        return expression;
    }

    private SigmaExpression or() {
        List<SigmaExpression> any = new ArrayList<>(List.of(and()));
        while (accept("or")) {
            any.add(and());
        }
        return any.size() == 1 ? any.get(0) : new AnyOf(any);
    }

    private SigmaExpression and() {
        List<SigmaExpression> all = new ArrayList<>(List.of(not()));
        while (accept("and")) {
            all.add(not());
        }
        return all.size() == 1 ? all.get(0) : new AllOf(all);
    }

    private SigmaExpression not() {
        return accept("not") ? new Not(not()) : primary();
    }

    private SigmaExpression primary() {
        if (next >= tokens.size()) {
            throw error("it ends where an identifier or '(' is expected");
        }
        String token = tokens.get(next++);
        if (token.equals("(")) {
            SigmaExpression inner = or();
            if (!accept(")")) {
                throw error("a '(' is not closed");
            }
            return inner;
        }
        String lower = token.toLowerCase(Locale.ROOT);
        if ((lower.equals("1") || lower.equals("all") || lower.equals("any")) && accept("of")) {
            return quantified(!lower.equals("all"));
        }
        if (List.of("and", "or", "not", "of", "them", ")").contains(lower)) {
            throw error("'" + token + "' is not expected here");
        }
        SigmaExpression identifier = identifiers.get(token);
        if (identifier == null) {
            throw error("'" + token + "' is not a search identifier of the detection");
        }
        return identifier;
    }

    private SigmaExpression quantified(boolean any) {
        if (next >= tokens.size()) {
            throw error("'of' needs an identifier pattern or 'them'");
        }
        String pattern = tokens.get(next++);
        List<SigmaExpression> matched = new ArrayList<>();
        boolean them = pattern.equalsIgnoreCase("them");
        Pattern regex = Pattern.compile(SigmaString.parse(pattern).regex());
        identifiers.forEach((name, expression) -> {
            if (them ? !name.startsWith("_") : regex.matcher(name).matches()) {
                matched.add(expression);
            }
        });
        if (matched.isEmpty()) {
            throw error("'" + pattern + "' matches no search identifier");
        }
        return any ? new AnyOf(matched) : new AllOf(matched);
    }

    private boolean accept(String word) {
        if (next < tokens.size() && tokens.get(next).equalsIgnoreCase(word)) {
            next++;
            return true;
        }
        return false;
    }

    private SigmaConversionException error(String problem) {
        return SigmaConversionException.invalid("condition '" + text + "': " + problem);
    }
}
