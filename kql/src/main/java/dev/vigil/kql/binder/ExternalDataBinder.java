package dev.vigil.kql.binder;

import dev.vigil.kql.ExternalDataException;
import dev.vigil.kql.ExternalDataLocation;
import dev.vigil.kql.ExternalDataReader;
import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.externaldata.Compression;
import dev.vigil.kql.externaldata.ExternalDataFormat;
import dev.vigil.kql.externaldata.ExternalDataMapping;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Project;
import dev.vigil.kql.plan.Values;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.ExternalDataExpression;
import dev.vigil.kql.syntax.NameReference;
import dev.vigil.kql.syntax.NamedArgument;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code externaldata}: reads each location while the query is bound, with the compilation's
 * {@link dev.vigil.kql.ExternalDataReader} (which decides what may be read and how much), takes its
 * credentials apart ({@link ExternalDataLocation}), decompresses it as its name says
 * ({@link Compression}), parses the records in the format asked for, picks each column's value as
 * the {@code ingestionMapping} says ({@link ExternalDataMapping}), and makes them constant rows of
 * text that are then read as each declared column's type the way {@code tolong}, {@code todatetime}
 * and the like read text (a value that does not convert is null). Errors name a location by its
 * shown form, which holds no credential.
 */
final class ExternalDataBinder {
    private static final String KNOWN_PROPERTIES = "format, ignoreFirstRecord and ingestionMapping";

    private ExternalDataBinder() {
    }

    static LogicalOperator bind(ExternalDataExpression external, Environment environment) {
        List<ColumnSchema> columns = columns(external);
        List<String> names = columns.stream().map(ColumnSchema::name).toList();
        Scope scope = Scope.of(List.of(), environment);
        Optional<ExternalDataFormat> format = Optional.empty();
        boolean ignoreFirstRecord = false;
        ExternalDataMapping mapping = ExternalDataMapping.identity(names);
        Optional<Expression> mappingText = Optional.empty();
        for (NamedArgument property : external.properties()) {
            String name = property.name().name();
            switch (name.toLowerCase(Locale.ROOT)) {
                case "format" -> {
                    String text = text(property.value(), scope);
                    format = Optional.of(ExternalDataFormat.named(text).orElseThrow(() -> new DiagnosticException(
                            DiagnosticFacts.externalDataFormat(text, ExternalDataFormat.names()), property.value().span())));
                }
                case "ignorefirstrecord" -> ignoreFirstRecord = flag(property.value(), scope);
                // csvMapping and jsonMapping are the older names Kusto still reads
                case "ingestionmapping", "csvmapping", "jsonmapping" -> {
                    String text = text(property.value(), scope);
                    try {
                        mapping = ExternalDataMapping.parse(text, names);
                    } catch (IllegalArgumentException e) {
                        throw new DiagnosticException(DiagnosticFacts.externalDataMapping(e.getMessage()), property.value().span());
                    }
                    mappingText = Optional.of(property.value());
                }
                default -> throw new DiagnosticException(DiagnosticFacts.externalDataProperty(name, KNOWN_PROPERTIES), property.name().span());
            }
        }
        List<List<BoundExpression>> rows = new ArrayList<>();
        for (Expression location : external.locations()) {
            ExternalDataLocation where;
            try {
                where = ExternalDataLocation.parse(text(location, scope));
            } catch (ExternalDataException e) {
                throw new DiagnosticException(DiagnosticFacts.externalDataRefused(e.getMessage()), location.span());
            }
            ExternalDataFormat read = format.orElseGet(() -> ExternalDataFormat.ofLocation(where.path()));
            try {
                mapping.checkFor(read);
            } catch (IllegalArgumentException e) {
                throw new DiagnosticException(DiagnosticFacts.externalDataMapping(e.getMessage()), mappingText.orElse(location).span());
            }
            for (String file : files(environment, location, where)) {
                List<List<String>> records = records(location, where, file, read, mapping);
                for (List<String> record : records.subList(ignoreFirstRecord && !records.isEmpty() ? 1 : 0, records.size())) {
                    // a field the record lacks is empty text: an empty string, or null once read as another type
                    rows.add(record.stream().<BoundExpression>map(value -> BoundLiteral.of(value == null ? "" : value, KqlType.STRING)).toList());
                }
            }
        }
        List<ColumnSchema> textColumns = names.stream().map(name -> new ColumnSchema(name, KqlType.STRING)).toList();
        List<OutputColumn> typed = columns.stream()
                .map(column -> new OutputColumn(column.name(), typed(column)))
                .toList();
        return new Project(new Values(textColumns, rows), typed);
    }

    private static List<ColumnSchema> columns(ExternalDataExpression external) {
        List<ColumnSchema> columns = Types.declaredColumns(external.columns(), external.span());
        if (external.locations().isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.expected("at least one location", "]"), external.span());
        }
        return columns;
    }

    /** The location's files, read with the compilation's reader and decompressed as its name says, each bounded by the reader's limit. */
    private static List<String> files(Environment environment, Expression location, ExternalDataLocation where) {
        ExternalDataReader reader = environment.context().externalData();
        byte[] bytes;
        try {
            bytes = reader.read(where);
        } catch (ExternalDataException e) {
            throw new DiagnosticException(DiagnosticFacts.externalDataRefused(e.getMessage()), location.span());
        }
        Compression compression = Compression.of(where.path());
        try {
            return compression.files(bytes, reader.maxBytes());
        } catch (IllegalArgumentException e) {
            throw new DiagnosticException(DiagnosticFacts.externalDataRefused("'" + where.shown() + "' was read but " + e.getMessage()),
                    location.span());
        }
    }

    private static List<List<String>> records(Expression location, ExternalDataLocation where, String file, ExternalDataFormat format,
                                              ExternalDataMapping mapping) {
        try {
            return format.records(file, mapping, where.shown());
        } catch (IllegalArgumentException e) {
            throw new DiagnosticException(DiagnosticFacts.externalDataMalformed(where.shown(), format.kustoName(), e.getMessage()), location.span());
        }
    }

    /** A string column keeps its text, empty where the record has none; other types are read from the text. */
    private static BoundExpression typed(ColumnSchema column) {
        BoundExpression text = new BoundColumn(column.name(), KqlType.STRING);
        return column.type() == KqlType.STRING ? text : Conversions.fromText(column.type(), text);
    }

    /** A constant string; a bare name stands for itself, as in {@code format=csv}. */
    private static String text(Expression expression, Scope scope) {
        if (expression instanceof NameReference name && scope.lookup(name.name()).isEmpty()) {
            return name.name();
        }
        BoundExpression bound = ExpressionBinder.bindScalar(expression, scope);
        if (bound instanceof BoundLiteral literal && literal.type() == KqlType.STRING && literal.value().isPresent()) {
            return (String) literal.value().get();
        }
        throw new DiagnosticException(DiagnosticFacts.constantExpected(), expression.span());
    }

    private static boolean flag(Expression expression, Scope scope) {
        BoundExpression bound = ExpressionBinder.bindScalar(expression, scope);
        if (bound instanceof BoundLiteral literal && literal.type() == KqlType.BOOL && literal.value().isPresent()) {
            return (Boolean) literal.value().get();
        }
        if (bound instanceof BoundLiteral literal && literal.type() == KqlType.STRING && literal.value().isPresent()) {
            return Boolean.parseBoolean((String) literal.value().get());
        }
        throw new DiagnosticException(DiagnosticFacts.constantExpected(), expression.span());
    }
}
