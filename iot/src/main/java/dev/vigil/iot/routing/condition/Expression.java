package dev.vigil.iot.routing.condition;

import com.fasterxml.jackson.databind.JsonNode;

/** A compiled part of a route condition. Values are JSON; Java {@code null} stands for IoT Hub's {@code undefined}. */
sealed interface Expression permits Constant, MessageReference, Not, BinaryOperation, FunctionCall {

    /** The value, or {@code null} when undefined. */
    JsonNode evaluate(ConditionInput input);
}
