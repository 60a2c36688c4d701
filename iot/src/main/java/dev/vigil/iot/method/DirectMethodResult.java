package dev.vigil.iot.method;

import com.fasterxml.jackson.databind.JsonNode;

/** The device's answer: the status it chose and its JSON payload (null when it sent none). */
public record DirectMethodResult(int status, JsonNode payload) {
}
