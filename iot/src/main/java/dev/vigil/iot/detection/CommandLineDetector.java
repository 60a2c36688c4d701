package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.message.SecurityEvent;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A detector that looks at each {@code ProcessCreate} on its own: it raises when the process's
 * command line (or executable) matches. Subclasses say what matches.
 */
abstract class CommandLineDetector implements Detector {
    private final AlertDefinition definition;

    CommandLineDetector(AlertDefinition definition) {
        this.definition = definition;
    }

    /** Whether this process is what the detector looks for. */
    abstract boolean matches(ProcessEvidence process);

    @Override
    public final List<AlertDefinition> definitions() {
        return List.of(definition);
    }

    @Override
    public final void onSecurityEvent(DeviceContext device, SecurityEvent event) {
        if (!event.name().equals("ProcessCreate")) {
            return;
        }
        for (int index = 0; index < event.payload().size(); index++) {
            ProcessEvidence process = ProcessEvidence.of(new PayloadItem(event.payload().get(index)));
            if (matches(process)) {
                device.raise(definition, event.timestampUtc(), event.id() + "#" + index, process.extendedProperties(),
                        process.entities());
            }
        }
    }

    /** The text to match: the command line, or the executable when the agent sent no command line. */
    static String commandText(ProcessEvidence process) {
        return process.commandLine().isBlank() ? process.executable() : process.commandLine();
    }

    static boolean anyFinds(List<Pattern> patterns, String text) {
        return patterns.stream().anyMatch(pattern -> pattern.matcher(text).find());
    }
}
