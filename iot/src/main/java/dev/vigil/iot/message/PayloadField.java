package dev.vigil.iot.message;

import java.util.List;

/**
 * One field of an event's payload items.
 *
 * @param allowedValues for enumerations (e.g. {@code Direction}: {@code In}, {@code Out}); empty otherwise
 */
record PayloadField(String name, FieldType type, boolean required, List<String> allowedValues) {

    static PayloadField required(String name, FieldType type) {
        return new PayloadField(name, type, true, List.of());
    }

    static PayloadField optional(String name, FieldType type) {
        return new PayloadField(name, type, false, List.of());
    }

    static PayloadField requiredOneOf(String name, String... values) {
        return new PayloadField(name, FieldType.STRING, true, List.of(values));
    }

    static PayloadField optionalOneOf(String name, String... values) {
        return new PayloadField(name, FieldType.STRING, false, List.of(values));
    }
}
