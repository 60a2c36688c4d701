package dev.vigil.soc.playbook.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A run's secrets. Expressions never see a secret's value: {@code Secrets.name} evaluates to a
 * marker, {@code ⟦secret:name⟧}, which is what the run records; the marker is replaced by the
 * value only where the step leaves Vigil (the request sent, the mail server's login), and the
 * value is replaced by the marker in whatever comes back.
 */
public final class SecretValues {
    private final Map<String, String> values;

    public SecretValues(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static SecretValues none() {
        return new SecretValues(Map.of());
    }

    public static String marker(String name) {
        return "⟦secret:" + name + "⟧";
    }

    /** The value of the {@code Secrets} variable: each secret's marker by its name. */
    public JsonNode binding() {
        ObjectNode markers = JsonNodeFactory.instance.objectNode();
        values.keySet().stream().sorted().forEach(name -> markers.put(name, marker(name)));
        return markers;
    }

    public String reveal(String text) {
        String revealed = text;
        for (Map.Entry<String, String> secret : values.entrySet()) {
            revealed = revealed.replace(marker(secret.getKey()), secret.getValue());
        }
        return revealed;
    }

    public String mask(String text) {
        String masked = text;
        for (Map.Entry<String, String> secret : values.entrySet()) {
            if (!secret.getValue().isEmpty()) {
                masked = masked.replace(secret.getValue(), marker(secret.getKey()));
            }
        }
        return masked;
    }
}
