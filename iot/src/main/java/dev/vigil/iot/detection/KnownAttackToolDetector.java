package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A tool that attackers use (scanners, password crackers, exploitation frameworks) runs, directly or through an interpreter. */
final class KnownAttackToolDetector extends CommandLineDetector {
    static final AlertDefinition DEFINITION = new AlertDefinition("IoT_KnownAttackTool", "Known attack tool", AlertSeverity.MEDIUM,
            "A tool often associated with malicious users attacking other machines was detected.",
            List.of("Review with the user that ran the command whether this was legitimate activity on the device.",
                    "If not, escalate the alert to the information security team."));
    static final Set<String> TOOLS = Set.of("nmap", "masscan", "zmap", "hydra", "medusa", "ncrack", "john", "hashcat",
            "sqlmap", "nikto", "msfconsole", "msfvenom", "mimipenguin", "linpeas", "responder", "ettercap", "bettercap",
            "aircrack-ng", "hping3", "crackmapexec", "gobuster", "wpscan", "searchsploit");

    private static final Set<String> INTERPRETERS = Set.of("sh", "bash", "dash", "python", "perl", "ruby");
    private static final Pattern WORDS = Pattern.compile("\\s+");
    private static final Pattern VERSION_SUFFIX = Pattern.compile("[0-9.]+$");
    private static final Pattern SCRIPT_SUFFIX = Pattern.compile("\\.(sh|py|pl|rb)$");

    KnownAttackToolDetector() {
        super(DEFINITION);
    }

    @Override
    boolean matches(ProcessEvidence process) {
        if (isTool(process.executableName())) {
            return true;
        }
        // The program is the first word, or the script an interpreter runs: python3 /tmp/linpeas.py
        String[] words = WORDS.split(process.commandLine().trim());
        if (words.length > 0 && isTool(fileName(words[0]))) {
            return true;
        }
        return words.length > 1 && INTERPRETERS.contains(VERSION_SUFFIX.matcher(fileName(words[0])).replaceFirst("")) && isTool(fileName(words[1]));
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static boolean isTool(String fileName) {
        String name = SCRIPT_SUFFIX.matcher(fileName.toLowerCase(Locale.ROOT)).replaceFirst("");
        return TOOLS.contains(name);
    }
}
