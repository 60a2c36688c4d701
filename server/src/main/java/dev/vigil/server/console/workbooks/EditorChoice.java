package dev.vigil.server.console.workbooks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One choice of an editor's drop-down: the value the form sends and what it is called. */
public record EditorChoice(String value, String label) {

    /** The choices, with the current value added (called by {@code label}) when it is not among them, so that saving keeps it. */
    static <T> List<EditorChoice> of(List<T> values, T current, Function<T, String> label) {
        List<EditorChoice> choices = new ArrayList<>();
        values.forEach(value -> choices.add(new EditorChoice(String.valueOf(value), label.apply(value))));
        if (!values.contains(current)) {
            choices.add(new EditorChoice(String.valueOf(current), label.apply(current)));
        }
        return choices;
    }
}
