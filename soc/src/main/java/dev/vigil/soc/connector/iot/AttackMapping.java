package dev.vigil.soc.connector.iot;

import java.util.List;
import java.util.Map;

/**
 * The MITRE ATT&CK tactics, techniques and sub-techniques of an IoT alert type, for the
 * {@code Tactics}, {@code Techniques} and {@code SubTechniques} columns. The IoT alert catalogue
 * carries none, so the connector keeps this table; types it does not list (device silent, the
 * custom threshold alerts, whose meaning depends on the rule the user set) get none.
 */
record AttackMapping(List<String> tactics, List<String> techniques, List<String> subTechniques) {
    static final AttackMapping NONE = new AttackMapping(List.of(), List.of(), List.of());

    private static final Map<String, AttackMapping> BY_ALERT_TYPE = Map.ofEntries(
            Map.entry("IoT_BruteForceSucceeded", of("CredentialAccess", "T1110")),
            Map.entry("IoT_BruteForceFailed", of("CredentialAccess", "T1110")),
            Map.entry("IoT_LocalLoginSucceeded", of("InitialAccess", "T1078")),
            Map.entry("IoT_LocalLoginFailed", of("CredentialAccess", "T1110")),
            Map.entry("IoT_Invalid_SAS_Token", of("CredentialAccess", "T1110")),
            Map.entry("IoT_BinaryCommandLine", of("Execution", "T1059")),
            Map.entry("IoT_ReverseShell", new AttackMapping(List.of("Execution", "CommandAndControl"), List.of("T1059"), List.of("T1059.004"))),
            Map.entry("IoT_SuspiciousNohup", new AttackMapping(List.of("Execution"), List.of("T1059"), List.of("T1059.004"))),
            // the catalogue's tools are mostly network scanners and password crackers
            Map.entry("IoT_KnownAttackTool", new AttackMapping(List.of("Discovery", "CredentialAccess"), List.of("T1046", "T1110"), List.of())),
            Map.entry("IoT_DisableFirewall", new AttackMapping(List.of("DefenseEvasion"), List.of("T1562"), List.of("T1562.004"))),
            Map.entry("IoT_BashHistoryCleared", new AttackMapping(List.of("DefenseEvasion"), List.of("T1070"), List.of("T1070.003"))),
            Map.entry("IoT_SystemLogsRemoved", new AttackMapping(List.of("DefenseEvasion"), List.of("T1070"), List.of("T1070.002"))),
            Map.entry("IoT_PortForwarding", of("CommandAndControl", "T1090")),
            Map.entry("IoT_SuspiciousIpCommunication", of("CommandAndControl", "T1071")),
            Map.entry("IoT_CryptoCoinMiner", of("Impact", "T1496")),
            Map.entry("IoT_LocalUserAdded", new AttackMapping(List.of("Persistence"), List.of("T1136"), List.of("T1136.001"))),
            Map.entry("IoT_SuspiciousUseradd", new AttackMapping(List.of("Persistence"), List.of("T1136"), List.of("T1136.001"))),
            Map.entry("IoT_LocalUserAddedToGroups", new AttackMapping(List.of("Persistence", "PrivilegeEscalation"), List.of("T1098"), List.of())),
            Map.entry("IoT_LocalUserDeleted", of("Impact", "T1531")),
            Map.entry("IoT_LocalUserDeletedFromGroups", of("Impact", "T1531")));

    AttackMapping {
        tactics = List.copyOf(tactics);
        techniques = List.copyOf(techniques);
        subTechniques = List.copyOf(subTechniques);
    }

    static AttackMapping forAlertType(String alertType) {
        return BY_ALERT_TYPE.getOrDefault(alertType, NONE);
    }

    private static AttackMapping of(String tactic, String technique) {
        return new AttackMapping(List.of(tactic), List.of(technique), List.of());
    }
}
