package dev.vigil.soc.hunting;

import java.util.ArrayList;
import java.util.List;

/**
 * What a bookmark keeps in its {@code HuntingBookmark} row's {@code Tags}: its labels as written,
 * then its tactics as {@code tactic:Discovery} and its techniques as {@code technique:T1046}. The
 * table has no column of its own for them, and this keeps {@code Tags} a list of strings that a
 * query can search ({@code Tags has "tactic:Discovery"}).
 */
final class BookmarkTags {
    static final String TACTIC = "tactic:";
    static final String TECHNIQUE = "technique:";

    /** A bookmark's labels, tactics and techniques, read back from its tags. */
    record Read(List<String> labels, List<String> tactics, List<String> techniques) {
    }

    private BookmarkTags() {
    }

    static List<String> write(List<String> labels, List<String> tactics, List<String> techniques) {
        List<String> tags = new ArrayList<>(labels);
        tactics.forEach(tactic -> tags.add(TACTIC + tactic));
        techniques.forEach(technique -> tags.add(TECHNIQUE + technique));
        return tags;
    }

    static Read read(List<String> tags) {
        List<String> labels = new ArrayList<>();
        List<String> tactics = new ArrayList<>();
        List<String> techniques = new ArrayList<>();
        for (String tag : tags) {
            if (tag.startsWith(TACTIC)) {
                tactics.add(tag.substring(TACTIC.length()));
            } else if (tag.startsWith(TECHNIQUE)) {
                techniques.add(tag.substring(TECHNIQUE.length()));
            } else {
                labels.add(tag);
            }
        }
        return new Read(labels, tactics, techniques);
    }

    /** Whether a label would read back as a tactic or technique. */
    static boolean reserved(String label) {
        return label.startsWith(TACTIC) || label.startsWith(TECHNIQUE);
    }
}
