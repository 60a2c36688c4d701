package dev.vigil.server.demo;

import java.util.List;

/**
 * One alert of Defender for IoT's catalogue (agent-based and hub alerts), as the demo raises it.
 *
 * @param name the AlertName and DisplayName
 * @param alertType the AlertType, e.g. {@code IoT_SucessfulLocalLogin}
 * @param tactics the MITRE ATT&CK tactic it maps to
 */
record AlertTemplate(String name, String severity, String alertType, String description, String tactics, List<String> remediation) {

    /** A selection from the catalogue in {@code reference/defender-sentinel-model.md}, section 2. */
    static final List<AlertTemplate> CATALOGUE = List.of(
            new AlertTemplate("Successful Bruteforce attempt", "High", "IoT_SucessfulBruteForce",
                    "A brute force attack on the device was successful.", "CredentialAccess",
                    List.of("Review the device's login history.", "Rotate the credentials of the affected accounts.")),
            new AlertTemplate("Successful local login", "High", "IoT_SucessfulLocalLogin",
                    "A successful local login to the device was detected.", "InitialAccess",
                    List.of("Make sure the login was authorised.", "Lock the account if it was not.")),
            new AlertTemplate("Reverse shells", "High", "IoT_ReverseShell",
                    "A reverse shell was opened on the device.", "Execution",
                    List.of("Isolate the device.", "Investigate the process that opened the shell.")),
            new AlertTemplate("Port forwarding detection", "High", "IoT_PortForwarding",
                    "Port forwarding to an external IP address was initiated on the device.", "CommandAndControl",
                    List.of("Review the forwarding rule and the process that created it.")),
            new AlertTemplate("Disable firewall", "High", "IoT_DisableFirewall",
                    "A possible manipulation of the device's host firewall was detected.", "DefenseEvasion",
                    List.of("Re-enable the firewall.", "Find out which process changed it.")),
            new AlertTemplate("Crypto coin miner image", "Medium", "IoT_CryptoMinerImage",
                    "A process associated with crypto coin mining was run on the device.", "Impact",
                    List.of("Stop the process and remove the image.", "Look for the way it got on the device.")),
            new AlertTemplate("Failed local login", "Medium", "IoT_FailedLocalLogin",
                    "A failed local login attempt to the device was detected.", "CredentialAccess",
                    List.of("Make sure no unauthorised party has physical or console access to the device.")),
            new AlertTemplate("Known attack tool", "Medium", "IoT_KnownAttackTool",
                    "A tool often used to attack devices was run on the device.", "Execution",
                    List.of("Find out who ran the tool and why.")),
            new AlertTemplate("Local host reconnaissance detected", "Medium", "IoT_LocalHostReconnaissance",
                    "Commands used to gather information about the device were run.", "Discovery",
                    List.of("Review the user's activity on the device.")),
            new AlertTemplate("Suspicious IP address communication", "Medium", "IoT_SuspiciousIPCommunication",
                    "The device communicated with an IP address known to be suspicious.", "CommandAndControl",
                    List.of("Block the address.", "Review the device's outbound connections.")),
            new AlertTemplate("Behavior similar to common Linux bots detected", "Medium", "IoT_LinuxBotBehavior",
                    "The device behaves like common Linux bots.", "Execution",
                    List.of("Isolate the device and check it for malware.")),
            new AlertTemplate("Bash history cleared", "Low", "IoT_ClearHistoryFile",
                    "The bash history log of the device was cleared.", "DefenseEvasion",
                    List.of("Review the activity of the user who cleared the history.")),
            new AlertTemplate("Device silent", "Low", "IoT_DeviceSilent",
                    "The device has sent no telemetry for the last 72 hours.", "Impact",
                    List.of("Check that the device is powered and connected.")),
            new AlertTemplate("Local user added to one or more groups", "Low", "IoT_LocalUserAddedToGroup",
                    "A local user was added to one or more groups on the device.", "Persistence",
                    List.of("Make sure the change was authorised.")),
            new AlertTemplate("Invalid SAS token signature", "Low", "IoT_Invalid_SAS_Token",
                    "A device connected to the hub with a SAS token whose signature is not valid.", "CredentialAccess",
                    List.of("Check the device's key.", "Look for devices impersonating it.")),
            new AlertTemplate("x.509 device certificate thumbprint mismatch", "Medium", "IoT_Cert_Print_Mismatch",
                    "A device presented a certificate whose thumbprint does not match the registered one.", "CredentialAccess",
                    List.of("Re-register the device's certificate if it was renewed; otherwise block the device.")));
}
