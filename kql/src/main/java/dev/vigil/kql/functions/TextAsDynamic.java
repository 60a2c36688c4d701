package dev.vigil.kql.functions;

/**
 * {@code parse_json} of a string: JSON text becomes the value it writes (written compactly), other
 * text a dynamic string holding it, null or empty text null. A rendering taking such a value may
 * read the text itself ({@link RenderArguments#parsedText}) instead, in one parse.
 */
final class TextAsDynamic implements SqlRendering {
    @Override
    public String render(RenderArguments arguments) {
        return render(arguments.sql(0));
    }

    static String render(String text) {
        return SharedValue.let(text, s -> "CASE WHEN " + s + " IS NULL OR " + s + " = '' THEN NULL WHEN json_valid(" + s + ") THEN json(" + s + ") "
                + "ELSE to_json(" + s + ") END");
    }
}
