package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A known miner binary runs, or a process talks the stratum mining protocol. */
final class CryptoCoinMinerDetector extends CommandLineDetector {
    static final AlertDefinition DEFINITION = new AlertDefinition("IoT_CryptoCoinMiner", "Crypto coin miner image", AlertSeverity.MEDIUM,
            "Execution of a process normally associated with digital currency mining was detected.",
            List.of("Verify with the user that ran the command whether this was legitimate activity on the device.",
                    "If not, escalate the alert to the information security team."));
    private static final Set<String> MINERS = Set.of("xmrig", "xmr-stak", "minerd", "cpuminer", "ccminer", "cgminer",
            "bfgminer", "ethminer", "nanominer", "t-rex", "lolminer", "nbminer", "phoenixminer");
    private static final Pattern STRATUM = Pattern.compile("stratum\\+(tcp|ssl|tls)://", Pattern.CASE_INSENSITIVE);

    CryptoCoinMinerDetector() {
        super(DEFINITION);
    }

    @Override
    boolean matches(ProcessEvidence process) {
        return MINERS.contains(process.executableName().toLowerCase(Locale.ROOT)) || STRATUM.matcher(process.commandLine()).find();
    }
}
