package dev.vigil.kql.externaldata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The data formats {@code externaldata} reads, as Kusto names them: the delimited ones (one record
 * per line, fields by position), {@code txt} (each line one field), {@code raw} (the whole text one
 * field) and the JSON ones (fields by property name).
 */
public enum ExternalDataFormat {
    CSV("csv"),
    TSV("tsv"),
    TSVE("tsve"),
    PSV("psv"),
    SCSV("scsv"),
    SOHSV("sohsv"),
    TXT("txt"),
    RAW("raw"),
    JSON("json"),
    MULTIJSON("multijson");

    private final String kustoName;

    ExternalDataFormat(String kustoName) {
        this.kustoName = kustoName;
    }

    public String kustoName() {
        return kustoName;
    }

    /** The format of this name, in any case. */
    public static Optional<ExternalDataFormat> named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.kustoName.equals(wanted)).findFirst();
    }

    /** The names, for the error that refuses another one. */
    public static String names() {
        return Arrays.stream(values()).map(ExternalDataFormat::kustoName).collect(Collectors.joining(", "));
    }

    /** Whether records are JSON objects, mapped by path, rather than delimited fields, mapped by ordinal. */
    public boolean isJson() {
        return this == JSON || this == MULTIJSON;
    }

    /**
     * What Kusto does without a {@code format} property: the format the location's file extension
     * names (before any compression extension, {@code users.csv.gz}), else CSV.
     *
     * @param path the location without its query string
     */
    public static ExternalDataFormat ofLocation(String path) {
        String name = Compression.of(path).stripped(path);
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        if (dot > slash && dot >= 0) {
            return named(name.substring(dot + 1)).orElse(CSV);
        }
        return CSV;
    }

    /**
     * The records of one file, each a value per column (in the columns' order; null where the
     * record has none), as the mapping picks them. Values are text: what the record holds, or for
     * a JSON value that is not a string, its JSON text.
     *
     * @param location the file's location as shown, for the mapping's {@code SourceLocation}
     * @throws IllegalArgumentException when the text is not in this format, with where it fails
     */
    public List<List<String>> records(String text, ExternalDataMapping mapping, String location) {
        List<List<String>> records = new ArrayList<>();
        if (isJson()) {
            List<JsonNode> objects = this == JSON ? JsonRecords.lines(text) : JsonRecords.stream(text);
            for (int i = 0; i < objects.size(); i++) {
                records.add(mapping.fromJson(objects.get(i), new ExternalDataMapping.RecordOrigin(location, i + 1)));
            }
            return records;
        }
        List<List<String>> fields = switch (this) {
            case CSV -> DelimitedRecords.quoted(text, ',');
            case PSV -> DelimitedRecords.quoted(text, '|');
            case SCSV -> DelimitedRecords.quoted(text, ';');
            case SOHSV -> DelimitedRecords.quoted(text, '\u0001');
            case TSV -> DelimitedRecords.quoted(text, '\t');
            case TSVE -> DelimitedRecords.escaped(text, '\t');
            case TXT -> DelimitedRecords.lines(text);
            case RAW -> List.of(List.of(text));
            case JSON, MULTIJSON -> throw new IllegalStateException("JSON records are read above");
        };
        for (int i = 0; i < fields.size(); i++) {
            records.add(mapping.fromFields(fields.get(i), new ExternalDataMapping.RecordOrigin(location, i + 1)));
        }
        return records;
    }
}
