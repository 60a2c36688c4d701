package dev.vigil.kql.externaldata;

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

    /**
     * What Kusto does without a {@code format} property: the format the location's file extension
     * names (before any query string), else CSV.
     */
    public static ExternalDataFormat ofLocation(String location) {
        String path = location;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot > slash && dot >= 0) {
            return named(path.substring(dot + 1)).orElse(CSV);
        }
        return CSV;
    }

    /**
     * The records of a document, each a value per column (in the columns' order; null where the
     * record has none). Values are text: what the record holds, or for a JSON property that is
     * not a string, its JSON text.
     *
     * @throws IllegalArgumentException when the text is not in this format, with where it fails
     */
    public List<List<String>> records(String text, List<String> columnNames) {
        return switch (this) {
            case CSV -> DelimitedRecords.quoted(text, ',', columnNames.size());
            case PSV -> DelimitedRecords.quoted(text, '|', columnNames.size());
            case SCSV -> DelimitedRecords.quoted(text, ';', columnNames.size());
            case SOHSV -> DelimitedRecords.quoted(text, '\u0001', columnNames.size());
            case TSV -> DelimitedRecords.quoted(text, '\t', columnNames.size());
            case TSVE -> DelimitedRecords.escaped(text, '\t', columnNames.size());
            case TXT -> DelimitedRecords.lines(text, columnNames.size());
            case RAW -> List.of(DelimitedRecords.padded(List.of(text), columnNames.size()));
            case JSON -> JsonRecords.lines(text, columnNames);
            case MULTIJSON -> JsonRecords.stream(text, columnNames);
        };
    }
}
