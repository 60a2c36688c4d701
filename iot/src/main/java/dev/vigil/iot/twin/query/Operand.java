package dev.vigil.iot.twin.query;

import com.fasterxml.jackson.databind.JsonNode;

/** One side of a comparison: a field of the twin or a literal. */
sealed interface Operand permits FieldPath, Literal {
    /** The value in this twin document; a missing node when the field is not there. */
    JsonNode valueIn(JsonNode document);
}
