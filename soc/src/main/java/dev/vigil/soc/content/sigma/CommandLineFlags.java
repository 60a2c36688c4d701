package dev.vigil.soc.content.sigma;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code windash} spellings of a value: Windows programs take a flag after {@code -} or
 * {@code /} (and, pasted from documents, after an en dash, em dash or horizontal bar), so each
 * dash or slash that starts a flag is written every way, in every combination. Only a character
 * that starts a flag counts, as the Sigma specification's reference converter reads it: one at the
 * start of the text or after a character that is not part of a word, and followed by one that is
 * ({@code -param-name} varies its first dash, not its second).
 */
final class CommandLineFlags {
    static final List<String> DASHES = List.of("-", "/", "\u2013", "\u2014", "\u2015");
    /** 5 spellings of 4 flags make 625 values; more would make a query of thousands of terms. */
    static final int MAX_FLAGS = 4;

    private CommandLineFlags() {
    }

    /** How many flag starts the value's text holds. */
    static int count(SigmaString value) {
        int count = 0;
        for (SigmaString.Part part : value.parts()) {
            if (part instanceof SigmaString.Text text) {
                count += starts(text.text()).size();
            }
        }
        return count;
    }

    /** Every spelling of the value, the value itself first; the value alone when it holds no flag. */
    static List<SigmaString> spellings(SigmaString value) {
        List<List<SigmaString.Part>> spelled = List.of(List.of());
        for (SigmaString.Part part : value.parts()) {
            List<SigmaString.Part> choices = part instanceof SigmaString.Text text ? textSpellings(text.text()) : List.of(part);
            List<List<SigmaString.Part>> longer = new ArrayList<>();
            for (List<SigmaString.Part> prefix : spelled) {
                for (SigmaString.Part choice : choices) {
                    List<SigmaString.Part> parts = new ArrayList<>(prefix);
                    parts.add(choice);
                    longer.add(parts);
                }
            }
            spelled = longer;
        }
        return spelled.stream().map(SigmaString::new).toList();
    }

    private static List<SigmaString.Part> textSpellings(String text) {
        List<StringBuilder> spelled = List.of(new StringBuilder());
        List<Integer> starts = starts(text);
        int from = 0;
        for (int start : starts) {
            String between = text.substring(from, start);
            List<StringBuilder> longer = new ArrayList<>();
            for (StringBuilder prefix : spelled) {
                for (String dash : ordered(text.charAt(start))) {
                    longer.add(new StringBuilder(prefix).append(between).append(dash));
                }
            }
            spelled = longer;
            from = start + 1;
        }
        String rest = text.substring(from);
        return spelled.stream().map(prefix -> (SigmaString.Part) new SigmaString.Text(prefix.append(rest).toString())).toList();
    }

    /** The dashes with the one written first, so that the value as written is the first spelling. */
    private static List<String> ordered(char written) {
        List<String> dashes = new ArrayList<>();
        dashes.add(String.valueOf(written));
        DASHES.stream().filter(dash -> dash.charAt(0) != written).forEach(dashes::add);
        return dashes;
    }

    /** Where a {@code -} or {@code /} starts a flag: not after a word character, and before one. */
    private static List<Integer> starts(String text) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '-' || c == '/') && (i == 0 || !isWordCharacter(text.charAt(i - 1))) && i + 1 < text.length()
                    && isWordCharacter(text.charAt(i + 1))) {
                starts.add(i);
            }
        }
        return starts;
    }

    private static boolean isWordCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
