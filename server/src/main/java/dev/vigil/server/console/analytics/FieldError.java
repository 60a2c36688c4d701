package dev.vigil.server.console.analytics;

/**
 * Why the wizard could not save or test a rule, at the rule property the domain named
 * (e.g. {@code properties.entityMappings[0].fieldMappings[1].columnName}), which the form shows
 * beside that property's field.
 */
public record FieldError(String property, String message) {

    /** Whether the error is about this property exactly. */
    public boolean at(String fieldProperty) {
        return property.equals(fieldProperty);
    }

    /** Whether the error is about this property or one inside it ({@code properties.entityMappings[0]} holds its identifiers). */
    public boolean under(String prefix) {
        return property.equals(prefix) || property.startsWith(prefix + ".") || property.startsWith(prefix + "[");
    }
}
