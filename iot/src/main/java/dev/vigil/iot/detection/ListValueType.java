package dev.vigil.iot.detection;

/** How the values of a list rule are matched (REST spelling). */
public enum ListValueType {
    /** An IPv4 or IPv6 address, or a range in CIDR notation such as {@code 10.0.0.0/8}. */
    IpCidr,
    /** Exact, case-sensitive text. */
    String
}
