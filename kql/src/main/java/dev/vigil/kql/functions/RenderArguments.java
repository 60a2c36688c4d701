package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.time.Instant;
import java.util.Optional;

/** What a {@link SqlRendering} can see: the arguments as SQL, their types and constant values, and SQL literal writers. */
public interface RenderArguments {

    /** How many arguments the call has (variadic signatures take any number). */
    int count();

    /** The SQL of argument {@code index}, ready to embed (parenthesized where needed). */
    String sql(int index);

    /** The KQL type of argument {@code index} as bound (before any widening to the parameter type). */
    KqlType type(int index);

    /**
     * When argument {@code index} is a string read as JSON ({@code parse_json(s)}), the SQL of that string: a
     * rendering may read the text with DuckDB's JSON functions in one parse, but must itself give text that is
     * not JSON (or is empty) the meaning {@code parse_json} gives it.
     */
    default Optional<String> parsedText(int index) {
        return Optional.empty();
    }

    /**
     * Whether the call is a {@code where} predicate (or an operand of its top-level and/or), where a null
     * result drops the row just as false does, so the rendering may give null where Kusto gives false.
     */
    default boolean inCondition() {
        return false;
    }

    /** The value of argument {@code index} when it is a non-null literal (see {@code LiteralExpression} for value classes). */
    Optional<Object> constant(int index);

    /** A DuckDB string literal holding {@code value}. */
    String stringLiteral(String value);

    /** A DuckDB TIMESTAMP_NS literal for {@code value}, to the tick. */
    String datetimeLiteral(Instant value);

    /** A typed SQL NULL of the physical type of {@code type}. */
    String nullOf(KqlType type);

    /** The DuckDB column type of {@code type}. */
    String sqlType(KqlType type);

    /** The instant {@code now()} stands for in this query. */
    Instant now();
}
