package dev.vigil.workspace.api;

import dev.vigil.workspace.values.TimespanText;
import java.util.Optional;

/**
 * Values of a {@link ResultTable} read back by those who compare them rather than show them (the
 * console sorts its results): a timespan's text does not sort as its length does.
 */
public final class ResultValues {
    private ResultValues() {
    }

    /** The 100-nanosecond ticks of a timespan value ({@code [-][d.]hh:mm:ss[.fffffff]}); empty if the text is not one. */
    public static Optional<Long> timespanTicks(String text) {
        return TimespanText.parse(text);
    }
}
