package dev.vigil.server.console.workbooks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A formatter's {@code palette}, as the CSS class that colours bars, heat maps and spark lines
 * with the console's theme: a single hue (light to the colour) or two ends (green to red and the
 * like). Sentinel's palette names map to the nearest of these; one Vigil does not know draws in
 * the default colours.
 */
final class Palette {
    private static final Map<String, String> FAMILIES = Map.ofEntries(
            Map.entry("blue", "blue"), Map.entry("bluedark", "blue"), Map.entry("lightblue", "blue"), Map.entry("turquoise", "blue"),
            Map.entry("cyan", "blue"), Map.entry("green", "green"), Map.entry("greendark", "green"), Map.entry("lightgreen", "green"),
            Map.entry("red", "red"), Map.entry("redbright", "red"), Map.entry("reddark", "red"), Map.entry("orange", "orange"),
            Map.entry("orangedark", "orange"), Map.entry("yellow", "yellow"), Map.entry("purple", "purple"), Map.entry("magenta", "purple"),
            Map.entry("pink", "purple"), Map.entry("violet", "purple"), Map.entry("gray", "gray"), Map.entry("grey", "gray"),
            Map.entry("greenred", "greenRed"), Map.entry("redgreen", "redGreen"), Map.entry("coldhot", "coldHot"), Map.entry("hotcold", "hotCold"),
            Map.entry("yelloworangered", "yellowOrangeRed"), Map.entry("yellowgreenblue", "yellowGreenBlue"));

    /** The palettes the editor offers, as Sentinel names them. */
    static final List<String> NAMES = List.of("blue", "green", "red", "orange", "yellow", "purple", "gray", "greenRed",
            "redGreen", "coldHot", "hotCold", "yellowOrangeRed", "yellowGreenBlue");

    private Palette() {
    }

    /** {@code wb-p-greenRed} for {@code greenRed}; empty for {@code auto}, none, or a name Vigil does not know. */
    static Optional<String> cssClass(String palette) {
        return Optional.ofNullable(FAMILIES.get(palette.toLowerCase(Locale.ROOT))).map(family -> "wb-p-" + family);
    }

    /**
     * A threshold's colour ({@code representation} when its options are {@code colors}) as the cell's
     * class, {@code wb-c-red}; empty for a colour Vigil does not know.
     */
    static Optional<String> colorClass(String color) {
        return Optional.ofNullable(FAMILIES.get(color.toLowerCase(Locale.ROOT))).filter(family -> !family.matches(".*[A-Z].*"))
                .map(family -> "wb-c-" + family);
    }
}
