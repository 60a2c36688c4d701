package dev.vigil.iot.twin.query;

/** An item of the SELECT list: a field or {@code COUNT()}, under the name it takes in the result. */
sealed interface Projection permits Projection.Field, Projection.Count {
    String name();

    /** A field; named by its {@code AS} alias, else by its last segment. */
    record Field(FieldPath path, String name) implements Projection {
    }

    /** {@code COUNT()}; named by its alias, else {@code $1} as IoT Hub names an unnamed aggregate. */
    record Count(String name) implements Projection {
    }
}
