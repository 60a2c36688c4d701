package dev.vigil.kql.externaldata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which part of a record fills each declared column: without {@code ingestionMapping}, Kusto's
 * identity mapping (delimited fields by position, JSON properties by the column's name); with
 * one, its elements as Kusto's data mappings write them, {@code {"Column": "Name", "Properties":
 * {"Ordinal": "0"}}} for the delimited formats and {@code {"Column": "Name", "Properties": {"Path":
 * "$.a.b"}}} for the JSON ones, or a constant ({@code ConstValue}) or a transformation
 * ({@code Transform}). A column the mapping leaves out is empty. The older flat spelling
 * ({@code {"Name": …, "Ordinal": 0}}, {@code {"column": …, "path": …}}) is read too.
 */
public final class ExternalDataMapping {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a column's value comes from. */
    sealed interface Source permits Ordinal, Path, Constant, Nothing {
    }

    record Ordinal(int index) implements Source {
    }

    record Path(JsonPath path) implements Source {
    }

    record Constant(String value) implements Source {
    }

    /** A transformation that needs no value of the record ({@code SourceLocation}, {@code SourceLineNumber}). */
    record Nothing() implements Source {
    }

    /** Kusto's mapping transformations that Vigil applies. */
    enum Transform {
        SOURCE_LOCATION("SourceLocation"),
        SOURCE_LINE_NUMBER("SourceLineNumber"),
        DATETIME_FROM_UNIX_SECONDS("DateTimeFromUnixSeconds"),
        DATETIME_FROM_UNIX_MILLISECONDS("DateTimeFromUnixMilliseconds"),
        DATETIME_FROM_UNIX_MICROSECONDS("DateTimeFromUnixMicroseconds"),
        DATETIME_FROM_UNIX_NANOSECONDS("DateTimeFromUnixNanoseconds"),
        PROPERTY_BAG_ARRAY_TO_DICTIONARY("PropertyBagArrayToDictionary");

        private final String kustoName;

        Transform(String kustoName) {
            this.kustoName = kustoName;
        }

        static Optional<Transform> named(String name) {
            for (Transform transform : values()) {
                if (transform.kustoName.equalsIgnoreCase(name)) {
                    return Optional.of(transform);
                }
            }
            return Optional.empty();
        }

        static String names() {
            List<String> names = new ArrayList<>();
            for (Transform transform : values()) {
                names.add(transform.kustoName);
            }
            return String.join(", ", names);
        }
    }

    record Mapped(Source source, Optional<Transform> transform) {
    }

    /** Where a record comes from, for the transformations that say so. */
    public record RecordOrigin(String location, long recordNumber) {
    }

    private final List<String> columns;
    /** Per declared column, in order; empty for the identity mapping. */
    private final Optional<List<Optional<Mapped>>> mapped;

    private ExternalDataMapping(List<String> columns, Optional<List<Optional<Mapped>>> mapped) {
        this.columns = List.copyOf(columns);
        this.mapped = mapped;
    }

    /** Kusto's identity mapping of these columns. */
    public static ExternalDataMapping identity(List<String> columns) {
        return new ExternalDataMapping(columns, Optional.empty());
    }

    /**
     * The mapping that {@code json} writes for these declared columns.
     *
     * @throws IllegalArgumentException naming the element and what is wrong with it
     */
    public static ExternalDataMapping parse(String json, List<String> columns) {
        JsonNode elements;
        try {
            elements = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("it is not JSON: " + e.getOriginalMessage());
        }
        if (elements == null || !elements.isArray() || elements.isEmpty()) {
            throw new IllegalArgumentException("it must be a JSON array of column mappings such as "
                    + "[{\"Column\":\"Name\",\"Properties\":{\"Ordinal\":\"0\"}}]");
        }
        Map<String, Mapped> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            String where = "element " + i;
            JsonNode element = elements.get(i);
            if (!element.isObject()) {
                throw new IllegalArgumentException(where + " is not a JSON object");
            }
            Map<String, JsonNode> properties = properties(element);
            String column = text(properties, "column").or(() -> text(properties, "name"))
                    .orElseThrow(() -> new IllegalArgumentException(where + " names no Column"));
            String declared = columns.stream().filter(c -> c.equals(column)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(where + " maps '" + column + "', which is not one of the declared columns "
                            + String.join(", ", columns)));
            if (byColumn.containsKey(declared)) {
                throw new IllegalArgumentException(where + " maps '" + column + "' a second time");
            }
            byColumn.put(declared, mapped(properties, where + " ('" + column + "')"));
        }
        List<Optional<Mapped>> perColumn = columns.stream().map(c -> Optional.ofNullable(byColumn.get(c))).toList();
        return new ExternalDataMapping(columns, Optional.of(perColumn));
    }

    /** An element's properties, its nested {@code Properties} merged in, by lower-case name. */
    private static Map<String, JsonNode> properties(JsonNode element) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = element.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("properties") && field.getValue().isObject()) {
                field.getValue().fields().forEachRemaining(nested -> properties.put(nested.getKey().toLowerCase(Locale.ROOT), nested.getValue()));
            } else if (name.equals("properties") && field.getValue().isTextual()) {
                // the properties serialised as a string, as .show ingestion mappings gives them
                try {
                    JSON.readTree(field.getValue().textValue()).fields()
                            .forEachRemaining(nested -> properties.put(nested.getKey().toLowerCase(Locale.ROOT), nested.getValue()));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("its Properties text is not a JSON object");
                }
            } else {
                properties.put(name, field.getValue());
            }
        }
        return properties;
    }

    private static Mapped mapped(Map<String, JsonNode> properties, String where) {
        Optional<Transform> transform = Optional.empty();
        Optional<String> transformName = text(properties, "transform");
        if (transformName.isPresent()) {
            transform = Optional.of(Transform.named(transformName.get()).orElseThrow(() -> new IllegalArgumentException(where
                    + " asks for the Transform '" + transformName.get() + "', which Vigil does not apply; it applies " + Transform.names())));
        }
        Optional<String> constant = text(properties, "constvalue").or(() -> text(properties, "constantvalue"));
        Optional<String> ordinal = text(properties, "ordinal");
        Optional<String> path = text(properties, "path");
        int given = (constant.isPresent() ? 1 : 0) + (ordinal.isPresent() ? 1 : 0) + (path.isPresent() ? 1 : 0);
        if (given > 1) {
            throw new IllegalArgumentException(where + " gives more than one of Ordinal, Path and ConstValue");
        }
        if (constant.isPresent()) {
            return new Mapped(new Constant(constant.get()), transform);
        }
        if (ordinal.isPresent()) {
            if (!ordinal.get().strip().matches("\\d{1,9}")) {
                throw new IllegalArgumentException(where + " has the Ordinal '" + ordinal.get() + "', which is not a whole number from 0");
            }
            return new Mapped(new Ordinal(Integer.parseInt(ordinal.get().strip())), transform);
        }
        if (path.isPresent()) {
            // a Path that does not start with $ is a constant, as Kusto's JSON mapping reads it
            return new Mapped(path.get().startsWith("$") ? new Path(parsePath(path.get(), where)) : new Constant(path.get()), transform);
        }
        if (transform.isPresent() && (transform.get() == Transform.SOURCE_LOCATION || transform.get() == Transform.SOURCE_LINE_NUMBER)) {
            return new Mapped(new Nothing(), transform);
        }
        throw new IllegalArgumentException(where + " gives none of Ordinal, Path, ConstValue or a Transform such as SourceLocation");
    }

    private static JsonPath parsePath(String path, String where) {
        try {
            return JsonPath.parse(path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static Optional<String> text(Map<String, JsonNode> properties, String name) {
        JsonNode value = properties.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(value.isValueNode() ? value.asText() : value.toString());
    }

    /**
     * Whether this mapping suits the format: ordinals for the delimited formats (only 0 for txt and
     * raw, whose records are one field), paths for the JSON ones.
     *
     * @throws IllegalArgumentException naming the column whose mapping does not suit
     */
    public void checkFor(ExternalDataFormat format) {
        if (mapped.isEmpty()) {
            return;
        }
        for (int i = 0; i < columns.size(); i++) {
            Optional<Mapped> column = mapped.get().get(i);
            if (column.isEmpty()) {
                continue;
            }
            Source source = column.get().source();
            if (format.isJson() && source instanceof Ordinal) {
                throw new IllegalArgumentException("'" + columns.get(i) + "' is mapped by Ordinal, but " + format.kustoName()
                        + " records are mapped by Path");
            }
            if (!format.isJson() && source instanceof Path) {
                throw new IllegalArgumentException("'" + columns.get(i) + "' is mapped by Path, but " + format.kustoName()
                        + " records are mapped by Ordinal");
            }
            if ((format == ExternalDataFormat.TXT || format == ExternalDataFormat.RAW) && source instanceof Ordinal ordinal && ordinal.index() != 0) {
                throw new IllegalArgumentException("'" + columns.get(i) + "' is mapped to Ordinal " + ordinal.index() + ", but " + format.kustoName()
                        + " records have only field 0");
            }
        }
    }

    /** A delimited record's fields as a value per column (null where there is none). */
    List<String> fromFields(List<String> fields, RecordOrigin origin) {
        List<String> record = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            if (mapped.isEmpty()) {
                record.add(i < fields.size() ? fields.get(i) : null);
                continue;
            }
            Optional<Mapped> column = mapped.get().get(i);
            record.add(column.map(m -> {
                String value = null;
                if (m.source() instanceof Ordinal ordinal) {
                    value = ordinal.index() < fields.size() ? fields.get(ordinal.index()) : null;
                } else if (m.source() instanceof Constant constant) {
                    value = constant.value();
                }
                return transformed(value, m.transform(), origin);
            }).orElse(null));
        }
        return record;
    }

    /** A JSON record's values per column: a string as its text, anything else as its JSON text. */
    List<String> fromJson(JsonNode object, RecordOrigin origin) {
        List<String> record = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            if (mapped.isEmpty()) {
                record.add(text(object.get(columns.get(i))));
                continue;
            }
            Optional<Mapped> column = mapped.get().get(i);
            record.add(column.map(m -> {
                String value = null;
                if (m.source() instanceof Path path) {
                    value = text(path.path().select(object).orElse(null));
                } else if (m.source() instanceof Constant constant) {
                    value = constant.value();
                }
                return transformed(value, m.transform(), origin);
            }).orElse(null));
        }
        return record;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? null : value.isTextual() ? value.asText() : value.toString();
    }

    private static String transformed(String value, Optional<Transform> transform, RecordOrigin origin) {
        if (transform.isEmpty()) {
            return value;
        }
        return switch (transform.get()) {
            case SOURCE_LOCATION -> origin.location();
            case SOURCE_LINE_NUMBER -> Long.toString(origin.recordNumber());
            case DATETIME_FROM_UNIX_SECONDS -> fromUnix(value, 0);
            case DATETIME_FROM_UNIX_MILLISECONDS -> fromUnix(value, 3);
            case DATETIME_FROM_UNIX_MICROSECONDS -> fromUnix(value, 6);
            case DATETIME_FROM_UNIX_NANOSECONDS -> fromUnix(value, 9);
            case PROPERTY_BAG_ARRAY_TO_DICTIONARY -> dictionary(value);
        };
    }

    /** A number of seconds (scaled down by 10^scale) since 1970 as an ISO 8601 instant; null when it is not a number. */
    private static String fromUnix(String value, int scale) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal nanos = new BigDecimal(value.strip()).movePointRight(9 - scale);
            BigDecimal[] parts = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
            long seconds = parts[0].longValueExact();
            long rest = parts[1].longValue();
            return Instant.ofEpochSecond(seconds, rest).toString();
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
            return null;
        }
    }

    /** {@code [{"a":1},{"b":2}]} as {@code {"a":1,"b":2}}; null when it is not an array of objects. */
    private static String dictionary(String value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode array = JSON.readTree(value);
            if (array == null || !array.isArray()) {
                return null;
            }
            ObjectNode merged = JSON.createObjectNode();
            for (JsonNode element : array) {
                if (!element.isObject()) {
                    return null;
                }
                merged.setAll((ObjectNode) element);
            }
            return merged.toString();
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
