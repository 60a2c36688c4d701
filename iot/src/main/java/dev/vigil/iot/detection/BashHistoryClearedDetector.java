package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import java.util.List;
import java.util.regex.Pattern;

/** The shell history is wiped, truncated, linked to /dev/null, or history recording is switched off. */
final class BashHistoryClearedDetector extends CommandLineDetector {
    static final AlertDefinition DEFINITION = new AlertDefinition("IoT_BashHistoryCleared", "Bash history cleared", AlertSeverity.LOW,
            "The bash history log was cleared. Attackers commonly do this to hide their tracks.",
            List.of("Review with the user that ran the command whether this was legitimate maintenance activity.",
                    "If not, escalate the alert to the information security team."));
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\bhistory\\s+-c\\b"),
            Pattern.compile("\\b(rm|shred|unlink|truncate)\\b.*\\.bash_history"),
            Pattern.compile(">\\s*\\S*\\.bash_history"),
            Pattern.compile("\\bln\\b.*/dev/null\\s+\\S*\\.bash_history"),
            Pattern.compile("\\bunset\\s+HISTFILE\\b"),
            Pattern.compile("\\bHISTFILE=/dev/null\\b"),
            Pattern.compile("\\bHISTSIZE=0\\b"));

    BashHistoryClearedDetector() {
        super(DEFINITION);
    }

    @Override
    boolean matches(ProcessEvidence process) {
        return anyFinds(PATTERNS, commandText(process));
    }
}
