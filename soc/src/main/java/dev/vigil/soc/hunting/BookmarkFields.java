package dev.vigil.soc.hunting;

import dev.vigil.soc.rule.json.AlertRuleJson;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** The checks a bookmark's fields pass when it is made or edited; each refusal names the field. */
final class BookmarkFields {
    static final int MAX_NAME_LENGTH = 256;
    static final int MAX_LABELS = 50;
    static final int MAX_LABEL_LENGTH = 256;
    private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");

    private BookmarkFields() {
    }

    static String displayName(String displayName) {
        String name = Objects.requireNonNullElse(displayName, "").strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidHuntingRequestException("displayName: a bookmark needs a name of 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return name;
    }

    static List<String> labels(List<String> labels) {
        if (labels.size() > MAX_LABELS) {
            throw new InvalidHuntingRequestException("labels: a bookmark has at most " + MAX_LABELS + " labels; " + labels.size() + " were given");
        }
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (label == null || label.isBlank() || label.length() > MAX_LABEL_LENGTH) {
                throw new InvalidHuntingRequestException("labels[" + i + "]: a label is 1 to " + MAX_LABEL_LENGTH + " characters");
            }
            if (BookmarkTags.reserved(label)) {
                throw new InvalidHuntingRequestException("labels[" + i + "]: '" + label + "' starts as the tactics and techniques kept beside the"
                        + " labels do (" + BookmarkTags.TACTIC + ", " + BookmarkTags.TECHNIQUE + "); set them as tactics and techniques");
            }
        }
        return List.copyOf(labels.stream().map(String::strip).distinct().toList());
    }

    static List<String> tactics(List<String> tactics) {
        for (int i = 0; i < tactics.size(); i++) {
            if (!AlertRuleJson.TACTICS.contains(tactics.get(i))) {
                throw new InvalidHuntingRequestException("tactics[" + i + "]: '" + tactics.get(i) + "' is not a tactic; the tactics are "
                        + String.join(", ", AlertRuleJson.TACTICS));
            }
        }
        return List.copyOf(tactics.stream().distinct().toList());
    }

    static List<String> techniques(List<String> techniques) {
        for (int i = 0; i < techniques.size(); i++) {
            String technique = techniques.get(i);
            if (technique == null || !TECHNIQUE.matcher(technique).matches()) {
                throw new InvalidHuntingRequestException("techniques[" + i + "]: '" + technique + "' is not a MITRE ATT&CK technique id such as"
                        + " T1110 or T1110.001");
            }
        }
        return List.copyOf(techniques.stream().distinct().toList());
    }
}
