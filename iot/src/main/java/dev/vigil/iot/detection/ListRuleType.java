package dev.vigil.iot.detection;

/** What an allow or deny list of a device security group constrains (REST spelling). */
public enum ListRuleType {
    /** Remote addresses of connections; values are {@link ListValueType#IpCidr}. */
    ConnectionToIpNotAllowed,
    /** User names that sign in. */
    LocalUserNotAllowed,
    /** Executables that run, as a full path or a file name. */
    ProcessNotAllowed
}
