package dev.vigil.server.console.incidents;

import dev.vigil.soc.incident.Classification;
import dev.vigil.soc.incident.ClassificationReason;
import dev.vigil.soc.incident.Closure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A classification with its reason, as one choice of the close forms ({@code TruePositive/SuspiciousActivity}):
 * each reason belongs to one classification, so one list offers only pairs that go together.
 */
public record ClosureChoice(String value, String label) {
    /** Every pair Sentinel allows, Undetermined (which takes no reason) last. */
    public static final List<ClosureChoice> ALL = all();

    private static List<ClosureChoice> all() {
        List<ClosureChoice> choices = new ArrayList<>();
        for (ClassificationReason reason : ClassificationReason.values()) {
            choices.add(new ClosureChoice(reason.classification().sentinelName() + "/" + reason.sentinelName(),
                    words(reason.classification().sentinelName()) + " - " + words(reason.sentinelName()).toLowerCase()));
        }
        choices.add(new ClosureChoice(Classification.UNDETERMINED.sentinelName(), words(Classification.UNDETERMINED.sentinelName())));
        return List.copyOf(choices);
    }

    /** The closure a form asked for; the domain refuses a pair that does not go together, naming the ones that do. */
    static Closure closure(String choice, String comment) {
        String text = Optional.ofNullable(choice).orElse("").strip();
        int slash = text.indexOf('/');
        return slash < 0 ? Closure.of(text, null, comment) : Closure.of(text.substring(0, slash), text.substring(slash + 1), comment);
    }

    /** {@code TruePositive} → {@code True positive}. */
    private static String words(String camel) {
        String spaced = camel.replaceAll("(?<=[a-z])(?=[A-Z])", " ");
        return spaced.charAt(0) + spaced.substring(1).toLowerCase();
    }
}
