package dev.vigil.iot.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.routing.condition.ConditionInput;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A device-to-cloud message as routing sees it: who sent it, IoT Hub's system properties (by the
 * names a condition writes after {@code $}: {@code messageId}, {@code correlationId}, {@code userId},
 * {@code contentType}, {@code contentEncoding}, {@code to}, {@code expiryTimeUtc}, {@code dt-subject},
 * {@code iothub-interface-id}; the hub adds {@code connectionDeviceId}, {@code connectionModuleId},
 * {@code enqueuedTime}), its application properties and its body.
 *
 * <p>The body is JSON to conditions only when {@code contentType} is {@code application/json} and
 * {@code contentEncoding} is UTF-8, UTF-16 or UTF-32, as IoT Hub requires; it is parsed once, on first use.
 */
public final class RoutableMessage implements ConditionInput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeviceAddress sender;
    private final Map<String, String> systemProperties;
    private final Map<String, String> applicationProperties;
    private final byte[] body;
    private final Instant enqueuedTime;
    private final Function<DeviceAddress, Optional<JsonNode>> twins;
    private Optional<JsonNode> parsedBody;
    private Optional<JsonNode> twin;

    /**
     * @param systemProperties the device's system properties by IoT Hub's names (above); the hub's own are added here
     * @param twins the twin of a device or module, read only when a condition asks for {@code $twin}
     */
    public RoutableMessage(DeviceAddress sender, Map<String, String> systemProperties, Map<String, String> applicationProperties, byte[] body,
            Instant enqueuedTime, Function<DeviceAddress, Optional<JsonNode>> twins) {
        this.sender = sender;
        Map<String, String> system = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        system.putAll(systemProperties);
        system.put("connectionDeviceId", sender.deviceId());
        sender.moduleId().ifPresent(module -> system.put("connectionModuleId", module));
        system.put("enqueuedTime", enqueuedTime.toString());
        this.systemProperties = system;
        this.applicationProperties = Map.copyOf(applicationProperties);
        this.body = body.clone();
        this.enqueuedTime = enqueuedTime;
        this.twins = twins;
    }

    public DeviceAddress sender() {
        return sender;
    }

    public Instant enqueuedTime() {
        return enqueuedTime;
    }

    public Map<String, String> applicationProperties() {
        return applicationProperties;
    }

    byte[] bodyBytes() {
        return body.clone();
    }

    @Override
    public Optional<String> systemProperty(String name) {
        String canonical = switch (name.toLowerCase(Locale.ROOT)) {
            case "content-type" -> "contentType";
            case "content-encoding" -> "contentEncoding";
            default -> name;
        };
        return Optional.ofNullable(systemProperties.get(canonical));
    }

    /** By its exact name, else by its name in another case (IoT Hub's message properties are not case-sensitive). */
    @Override
    public Optional<String> applicationProperty(String name) {
        String exact = applicationProperties.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return applicationProperties.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    @Override
    public synchronized Optional<JsonNode> body() {
        if (parsedBody == null) {
            parsedBody = declaredCharset().flatMap(this::parse);
        }
        return parsedBody;
    }

    @Override
    public synchronized Optional<JsonNode> twin() {
        if (twin == null) {
            twin = twins.apply(sender);
        }
        return twin;
    }

    /** The body as text, when it decodes as UTF-8 without a fault. */
    Optional<String> utf8Body() {
        return decode(StandardCharsets.UTF_8);
    }

    /** The charset the message declares for a JSON body, if it declares one IoT Hub reads. */
    private Optional<Charset> declaredCharset() {
        String type = systemProperty("contentType").orElse("");
        int parameters = type.indexOf(';');
        String mediaType = (parameters < 0 ? type : type.substring(0, parameters)).trim();
        if (!mediaType.equalsIgnoreCase("application/json")) {
            return Optional.empty();
        }
        return switch (systemProperty("contentEncoding").orElse("").trim().toUpperCase(Locale.ROOT)) {
            case "UTF-8" -> Optional.of(StandardCharsets.UTF_8);
            case "UTF-16" -> Optional.of(StandardCharsets.UTF_16);
            case "UTF-32" -> Optional.of(Charset.forName("UTF-32"));
            default -> Optional.empty();
        };
    }

    private Optional<JsonNode> parse(Charset charset) {
        return decode(charset).flatMap(text -> {
            try {
                return Optional.of(JSON.readTree(text)).filter(node -> !node.isMissingNode());
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        });
    }

    private Optional<String> decode(Charset charset) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
