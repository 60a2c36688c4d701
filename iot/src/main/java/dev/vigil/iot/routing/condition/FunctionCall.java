package dev.vigil.iot.routing.condition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A call of one of IoT Hub's route functions, its arity checked when the condition compiled. */
record FunctionCall(RouteFunction function, List<Expression> arguments) implements Expression {

    FunctionCall {
        arguments = List.copyOf(arguments);
    }

    @Override
    public JsonNode evaluate(ConditionInput input) {
        List<JsonNode> values = new ArrayList<>(arguments.size());
        for (Expression argument : arguments) {
            values.add(argument.evaluate(input));
        }
        return function.apply(values);
    }
}
