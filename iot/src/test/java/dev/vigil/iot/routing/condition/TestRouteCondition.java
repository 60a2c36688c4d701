package dev.vigil.iot.routing.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.routing.RoutableMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestRouteCondition {
    private static final String WEATHER = "{\"Weather\":{\"Temperature\":50,\"IsEnabled\":true,\"Location\":{\"State\":\"WA\"},"
            + "\"HistoricalData\":[{\"Month\":\"Feb\",\"Temperature\":40},{\"Month\":\"Jan\",\"Temperature\":30}]}}";
    private static final Map<String, String> JSON_UTF8 = Map.of("contentType", "application/json", "contentEncoding", "UTF-8");

    @Test
    void testSystemAndApplicationPropertiesAreStringsComparedAsIotHubDoes() {
        RoutableMessage message = message(JSON_UTF8, Map.of("processingPath", "hot", "severity", "4"), WEATHER);

        assertThat(matches("$contentEncoding = 'UTF-8' AND processingPath = 'hot'", message)).isTrue();
        assertThat(matches("$connectionDeviceId = 'sensor-1' AND NOT IS_DEFINED($connectionModuleId)", message)).isTrue();
        assertThat(matches("$content-type = \"application/json\"", message)).isTrue();
        assertThat(matches("processingpath = 'hot'", message)).as("property names do not compare by case").isTrue();
        assertThat(matches("processingPath = 'HOT'", message)).as("values do").isFalse();
        assertThat(matches("severity > 3", message)).as("a string property against a number is undefined").isFalse();
        assertThat(matches("AS_NUMBER(severity) > 3", message)).isTrue();
        assertThat(matches("AS_NUMBER(processingPath) > 3 OR true", message)).isTrue();
    }

    @Test
    void testBodyIsReadOnlyWhenDeclaredJsonInAUtfEncoding() {
        RoutableMessage declared = message(JSON_UTF8, Map.of(), WEATHER);
        RoutableMessage undeclared = message(Map.of(), Map.of(), WEATHER);
        RoutableMessage latin1 = message(Map.of("contentType", "application/json", "contentEncoding", "ISO-8859-1"), Map.of(), WEATHER);

        for (String condition : new String[] {"$body.Weather.HistoricalData[0].Month = 'Feb'", "$body.Weather.Temperature = 50 AND $body.Weather.IsEnabled",
                "length($body.Weather.Location.State) = 2", "$body.Weather.Temperature - 10 >= $body.Weather.HistoricalData[1].Temperature * 1.3"}) {
            assertThat(matches(condition, declared)).as(condition).isTrue();
            assertThat(matches(condition, undeclared)).as(condition + " without content type").isFalse();
            assertThat(matches(condition, latin1)).as(condition + " in ISO-8859-1").isFalse();
        }
        assertThat(evaluate("$body", declared)).as("the body as a whole is undefined").isEmpty();
        assertThat(evaluate("$body.Weather.Nowhere > 1", declared)).isEmpty();
    }

    @Test
    void testThreeValuedLogicRoutesOnlyOnTrue() {
        RoutableMessage message = message(JSON_UTF8, Map.of(), WEATHER);

        assertThat(evaluate("missing = 'x' AND false", message)).contains(bool(false));
        assertThat(evaluate("missing = 'x' OR true", message)).contains(bool(true));
        assertThat(evaluate("missing = 'x' AND true", message)).isEmpty();
        assertThat(evaluate("NOT (missing = 'x')", message)).isEmpty();
        assertThat(evaluate("'a' < 1", message)).as("different types").isEmpty();
        assertThat(evaluate("1 / 0 = 1", message)).isEmpty();
        assertThat(matches("$body.Weather.Temperature", message)).as("a number is not true").isFalse();
        assertThat(matches("null = null AND [1, 'a'] = [1, 'a'] AND 0x1F = 31", message)).isTrue();
        assertThat(matches("", message)).as("a blank condition routes everything").isTrue();
    }

    @Test
    void testFunctionsOfIotHubsRouteConditions() {
        RoutableMessage message = message(JSON_UTF8, Map.of("site", "Plant-7"), WEATHER);

        assertThat(matches("ABS(-2) = 2 AND POWER(2, 10) = 1024 AND SQUARE(3) = 9 AND CEILING(1.2) = 2 AND FLOOR(1.8) = 1", message)).isTrue();
        assertThat(matches("SIGN(-4) = -1 AND SQRT(16) = 4 AND EXP(0) = 1 AND 7 % 4 = 3", message)).isTrue();
        assertThat(matches("CONCAT(LOWER(site), '/', UPPER('x')) = 'plant-7/X' AND SUBSTRING(site, 0, 5) = 'Plant' AND SUBSTRING(site, 6) = '7'", message)).isTrue();
        assertThat(matches("INDEX_OF(site, '-') = 5 AND STARTS_WITH(site, 'Pl') AND ENDS_WITH(site, '7') AND CONTAINS(site, 'ant')", message)).isTrue();
        assertThat(matches("IS_OBJECT($body.Weather) AND IS_ARRAY($body.Weather.HistoricalData) AND IS_BOOL($body.Weather.IsEnabled)"
                + " AND IS_NUMBER($body.Weather.Temperature) AND IS_STRING(site) AND IS_PRIMITIVE(site) AND NOT IS_NULL(site)", message)).isTrue();
        assertThat(evaluate("LENGTH($body.Weather.Temperature)", message)).as("LENGTH of a number").isEmpty();
    }

    @Test
    void testTwinIsReadOnlyWhenTheConditionAsksForIt() {
        ObjectMapper json = new ObjectMapper();
        int[] reads = {0};
        RoutableMessage message = new RoutableMessage(DeviceAddress.device("hub-1", "sensor-1"), JSON_UTF8, Map.of(), bytes(WEATHER), Instant.EPOCH,
                address -> {
                    reads[0]++;
                    return Optional.of(json.createObjectNode().set("tags", json.createObjectNode().put("floor", 1)));
                });

        assertThat(matches("$body.Weather.Temperature = 50", message)).isTrue();
        assertThat(reads[0]).isZero();
        assertThat(matches("$twin.tags.floor = 1", message)).isTrue();
        assertThat(reads[0]).isEqualTo(1);
    }

    @Test
    void testConditionsThatDoNotCompileNameLineAndColumn() {
        assertError("$body.x >> 10", 1, 10, "expected a value, a property or a function, found '>'");
        assertError("a = 1 AND\n  b = ", 2, 7, "expected a value, a property or a function, found the end of the condition");
        assertError("LEN(a) = 2", 1, 1, "unknown function 'LEN'; route conditions have ABS, EXP");
        assertError("LENGTH(a, b) = 2", 1, 1, "LENGTH takes 1 argument, given 2");
        assertError("a = 'open", 1, 5, "the string has no closing '");
        assertError("1 < a < 3", 1, 7, "comparisons do not chain");
        assertError("(a = 1", 1, 7, "expected ')' to close the '(' at line 1, column 1, found the end of the condition");
        assertError("a = 1 b = 2", 1, 7, "expected an operator or the end of the condition, found 'b'");
        assertError("$body.x[y] = 1", 1, 9, "expected an array index");
        assertError("a # 1", 1, 3, "unexpected character '#'");
    }

    private static void assertError(String condition, int line, int column, String message) {
        assertThatThrownBy(() -> RouteCondition.compile(condition)).as(condition).isInstanceOfSatisfying(ConditionSyntaxException.class, e -> {
            assertThat(e.getMessage()).startsWith(message);
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.column()).isEqualTo(column);
        });
    }

    private static boolean matches(String condition, RoutableMessage message) {
        return RouteCondition.compile(condition).matches(message);
    }

    private static Optional<JsonNode> evaluate(String condition, RoutableMessage message) {
        return RouteCondition.compile(condition).evaluate(message);
    }

    private static JsonNode bool(boolean value) {
        return com.fasterxml.jackson.databind.node.BooleanNode.valueOf(value);
    }

    private static RoutableMessage message(Map<String, String> system, Map<String, String> application, String body) {
        return new RoutableMessage(DeviceAddress.device("hub-1", "sensor-1"), system, application, bytes(body), Instant.parse("2026-12-07T16:00:00Z"),
                address -> Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
