package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;

/**
 * A dynamic array written directly as a DuckDB list, for a consumer that takes the elements
 * ({@code mv-expand}) and so need not have the array built as JSON text and parsed again.
 *
 * @param list the elements: a {@code JSON[]} list, or a {@code VARCHAR[]} list when {@code elementType} is
 *             string (every element is a string); empty or null where the value is not an array
 * @param isArray true where the value is an array although {@code list} is empty or null (evaluated only there,
 *                so it may be dearer than {@code list}); where it is false the value is null
 * @param elementType {@link KqlType#STRING} or {@link KqlType#DYNAMIC}
 */
public record ElementList(String list, String isArray, KqlType elementType) {
    public ElementList {
        if (elementType != KqlType.STRING && elementType != KqlType.DYNAMIC) {
            throw new IllegalArgumentException("elements are strings or dynamic values, not " + elementType);
        }
    }
}
