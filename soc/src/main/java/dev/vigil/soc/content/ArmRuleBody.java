package dev.vigil.soc.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.soc.rule.AlertRuleProperties;
import dev.vigil.soc.rule.InvalidAlertRuleException;
import dev.vigil.soc.rule.json.AlertRuleJson;
import java.util.function.UnaryOperator;

/** Reads an {@code alertRules} body with the API's own rules, naming a wrong value as the file names it. */
final class ArmRuleBody {
    private ArmRuleBody() {
    }

    /**
     * @param fieldName turns a property path such as {@code properties.queryFrequency} into the
     *     file's name for it
     */
    static AlertRuleProperties read(JsonNode body, UnaryOperator<String> fieldName) {
        try {
            return AlertRuleJson.read(body);
        } catch (InvalidAlertRuleException e) {
            String problem = e.getMessage().substring(Math.min(e.getMessage().length(), e.property().length() + 2));
            throw new ContentRefusedException(RefusalReason.InvalidValue, fieldName.apply(e.property()) + ": " + problem);
        }
    }
}
