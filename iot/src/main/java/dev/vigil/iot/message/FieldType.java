package dev.vigil.iot.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** The value types of payload fields, each with the rule it reports when a value breaks it. */
enum FieldType {
    STRING("must be a string") {
        @Override
        boolean accepts(JsonNode value) {
            return value.isTextual();
        }
    },
    INTEGER("must be an integer") {
        @Override
        boolean accepts(JsonNode value) {
            return value.isIntegralNumber();
        }
    },
    /** User ids: numeric on Linux, SIDs on Windows. */
    INTEGER_OR_STRING("must be an integer or a string") {
        @Override
        boolean accepts(JsonNode value) {
            return value.isIntegralNumber() || value.isTextual();
        }
    },
    BOOLEAN("must be a boolean") {
        @Override
        boolean accepts(JsonNode value) {
            return value.isBoolean();
        }
    },
    IP_ADDRESS("must be an IPv4 or IPv6 address") {
        @Override
        boolean accepts(JsonNode value) {
            return value.isTextual() && (IPV4.matcher(value.asText()).matches() || IPV6.matcher(value.asText()).matches());
        }
    },
    /** Ports travel as strings: {@code "22"}, a range {@code "1-5"}, or {@code "*"}. */
    PORT("must be a port string such as \"22\", \"1-5\" or \"*\"") {
        @Override
        boolean accepts(JsonNode value) {
            return value.isTextual() && PORT_TEXT.matcher(value.asText()).matches();
        }
    },
    /** {@code ExtraDetails}: a map of strings. */
    STRING_MAP("must be an object of strings") {
        @Override
        boolean accepts(JsonNode value) {
            if (!value.isObject()) {
                return false;
            }
            for (JsonNode member : value) {
                if (!member.isTextual()) {
                    return false;
                }
            }
            return true;
        }
    };

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    /** Hex groups and colons, optionally a trailing dotted quad and a zone; no name lookups. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(\\d{1,3}(\\.\\d{1,3}){3})?(%[\\w.]+)?");
    private static final Pattern PORT_TEXT = Pattern.compile("\\*|\\d{1,5}(-\\d{1,5})?");

    private final String rule;

    FieldType(String rule) {
        this.rule = rule;
    }

    abstract boolean accepts(JsonNode value);

    String rule() {
        return rule;
    }
}
