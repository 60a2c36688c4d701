package dev.vigil.kql.functions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code replace_strings(text, lookups, rewrites)}: the lookups claim their matches in the original text
 * in the array's order, each skipping the places that overlap a match an earlier lookup claimed; then
 * every claimed match is replaced by its lookup's rewrite. Matches never overlap and a rewrite is never
 * searched again. A lookup that is not a string (null here) or is empty never matches; a rewrite that is
 * not a string leaves its matches as they are.
 */
final class ReplaceStrings {
    private ReplaceStrings() {
    }

    private record Match(int start, int end, String rewrite) {
    }

    static String replace(String text, List<String> lookups, List<String> rewrites) {
        boolean[] claimed = new boolean[text.length()];
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < lookups.size(); i++) {
            String lookup = lookups.get(i);
            if (lookup == null || lookup.isEmpty()) {
                continue;
            }
            String rewrite = i < rewrites.size() && rewrites.get(i) != null ? rewrites.get(i) : lookup;
            for (int at = text.indexOf(lookup); at >= 0; ) {
                int end = at + lookup.length();
                if (free(claimed, at, end)) {
                    java.util.Arrays.fill(claimed, at, end, true);
                    matches.add(new Match(at, end, rewrite));
                    at = text.indexOf(lookup, end);
                } else {
                    at = text.indexOf(lookup, at + 1);
                }
            }
        }
        matches.sort(Comparator.comparingInt(Match::start));
        StringBuilder result = new StringBuilder();
        int at = 0;
        for (Match match : matches) {
            result.append(text, at, match.start()).append(match.rewrite());
            at = match.end();
        }
        return result.append(text.substring(at)).toString();
    }

    private static boolean free(boolean[] claimed, int start, int end) {
        for (int i = start; i < end; i++) {
            if (claimed[i]) {
                return false;
            }
        }
        return true;
    }
}
