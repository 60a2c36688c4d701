package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import java.util.List;
import java.util.regex.Pattern;

/** Binary code written out on a command line: long runs of {@code \xHH} escapes or the ELF magic. */
final class BinaryCommandLineDetector extends CommandLineDetector {
    static final AlertDefinition DEFINITION = new AlertDefinition("IoT_BinaryCommandLine", "Binary Command Line", AlertSeverity.HIGH,
            "A Linux binary being called or written out from the command line was detected. This may be legitimate,"
                    + " or an indication that the device is compromised.",
            List.of("Review the command with the user that ran it and check whether this is legitimate activity on the device.",
                    "If not, escalate the alert to the information security team."));
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(\\\\x[0-9a-fA-F]{2}){8,}"),
            Pattern.compile("\\\\x7f(ELF|\\\\x45\\\\x4c\\\\x46)", Pattern.CASE_INSENSITIVE));

    BinaryCommandLineDetector() {
        super(DEFINITION);
    }

    @Override
    boolean matches(ProcessEvidence process) {
        return anyFinds(PATTERNS, commandText(process));
    }
}
