package dev.vigil.iot.twin.query;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A WHERE condition. Its value is three-valued as in IoT Hub's query language: a comparison with a
 * missing field or with a value of another type is undefined ({@code null}), {@code NOT} of
 * undefined stays undefined, and only twins for which the condition is {@code true} are selected.
 */
sealed interface Condition permits AndCondition, OrCondition, NotCondition, Comparison, InList, FunctionTest {
    /** {@code TRUE}, {@code FALSE} or {@code null} for undefined. */
    Boolean test(JsonNode document);
}
