package dev.vigil.iot.registry;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An allow-list or deny-list rule of a device security group, with the reference's field names.
 *
 * @param ruleType {@code ConnectionToIpNotAllowed}, {@code LocalUserNotAllowed} or {@code ProcessNotAllowed}
 * @param allowlistValues the listed values (also read from {@code denylistValues})
 * @param valueType {@code IpCidr} or {@code String}
 */
public record ListRule(String ruleType, boolean isEnabled, @JsonAlias("denylistValues") List<String> allowlistValues, String valueType) {
    public static final List<String> RULE_TYPES = List.of("ConnectionToIpNotAllowed", "LocalUserNotAllowed", "ProcessNotAllowed");
    public static final String IP_CIDR = "IpCidr";
    public static final String STRING = "String";

    private static final Pattern IPV4_CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(/(\\d{1,2}))?");

    public ListRule {
        if (!RULE_TYPES.contains(ruleType)) {
            throw new InvalidResourceException("'ruleType' must be one of " + RULE_TYPES + ", was '" + ruleType + "'");
        }
        valueType = valueType == null ? (ruleType.equals("ConnectionToIpNotAllowed") ? IP_CIDR : STRING) : valueType;
        if (!valueType.equals(IP_CIDR) && !valueType.equals(STRING)) {
            throw new InvalidResourceException("rule '" + ruleType + "': 'valueType' must be 'IpCidr' or 'String', was '" + valueType + "'");
        }
        allowlistValues = allowlistValues == null ? List.of() : List.copyOf(allowlistValues);
        if (valueType.equals(IP_CIDR)) {
            for (String value : allowlistValues) {
                if (!isIpv4Cidr(value) && !value.contains(":")) {
                    throw new InvalidResourceException("rule '" + ruleType + "': '" + value + "' is not an IP address or CIDR range");
                }
            }
        }
    }

    private static boolean isIpv4Cidr(String value) {
        var matcher = IPV4_CIDR.matcher(value);
        if (!matcher.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(matcher.group(i)) > 255) {
                return false;
            }
        }
        return matcher.group(6) == null || Integer.parseInt(matcher.group(6)) <= 32;
    }
}
