package dev.vigil.kql.functions;

import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.types.KqlType;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every built-in function and operator, registered once. Adding a function is one declaration and one line here. */
public final class FunctionRegistry {
    private static final Map<String, FunctionDeclaration> FUNCTIONS = new HashMap<>();
    private static final Map<BinaryOperator, FunctionDeclaration> OPERATORS = new EnumMap<>(BinaryOperator.class);
    private static final Map<String, MultiValueFunction> MULTI_VALUED = new HashMap<>();
    private static final Map<String, FunctionDeclaration> SCALAR_FORMS = new HashMap<>();
    private static final FunctionDeclaration NEGATION = ArithmeticOperators.negation();
    private static final java.util.Set<String> ROW_PICKING = java.util.Set.of("arg_max", "arg_min", "argmax", "argmin");

    static {
        register(ScalarFunctions.declarations());
        register(Conversions.declarations());
        register(StringFunctions.declarations());
        register(ConditionalFunctions.declarations());
        register(MathFunctions.declarations());
        register(DateTimeFunctions.declarations());
        register(DynamicFunctions.declarations());
        register(ArraySort.declarations());
        register(IpFunctions.declarations());
        register(Ipv6Functions.declarations());
        register(SeriesFunctions.declarations());
        register(SeriesTransforms.declarations());
        register(SeriesPeriods.declarations());
        register(SeriesDecomposition.declarations());
        register(SeriesElementwise.declarations());
        register(SeriesFill.declarations());
        register(SeriesFilters.declarations());
        register(AggregateFunctions.declarations());
        register(WindowFunctions.declarations());
        register(BitwiseFunctions.declarations());
        register(ArrayFunctions.declarations());
        register(CharacterFunctions.declarations());
        register(RegexFunctions.declarations());
        register(StatisticsFunctions.declarations());
        register(SeriesMath.declarations());
        register(FormatFunctions.declarations());
        register(UnitConversions.declarations());
        register(SketchAggregates.declarations());
        register(BinaryEncodings.declarations());
        register(GeoFunctions.declarations());
        register(BagFunctions.declarations());
        register(VersionFunctions.declarations());
        register(WeightedPercentiles.declarations());
        register(TextCodecFunctions.declarations());
        register(HashFunctions.declarations());
        register(TextParsingFunctions.declarations());
        register(SchemaAggregates.declarations());
        for (List<MultiValueFunction> functions : List.of(SeriesFunctions.multiValued(), SeriesPeriods.multiValued(),
                SeriesDecomposition.multiValued(), SeriesTransforms.multiValued())) {
            for (MultiValueFunction function : functions) {
                MULTI_VALUED.put(function.name(), function);
            }
        }
        for (FunctionDeclaration scalar : SketchMerges.scalarForms()) {
            SCALAR_FORMS.put(scalar.name(), scalar);
        }
        OPERATORS.putAll(ComparisonOperators.declarations());
        OPERATORS.putAll(StringOperators.declarations());
        OPERATORS.putAll(ArithmeticOperators.declarations());
        for (BinaryOperator operator : BinaryOperator.values()) {
            if (!OPERATORS.containsKey(operator)) {
                throw new IllegalStateException("no declaration for operator " + operator.text());
            }
        }
    }

    private FunctionRegistry() {
    }

    private static void register(List<FunctionDeclaration> declarations) {
        for (FunctionDeclaration declaration : declarations) {
            if (FUNCTIONS.putIfAbsent(declaration.name(), declaration) != null) {
                throw new IllegalStateException("function declared twice: " + declaration.name());
            }
        }
    }

    /** The functions the engine runs as Java code; a store registers each on its database before running queries. */
    public static List<JavaFunction> javaFunctions() {
        List<JavaFunction> all = new java.util.ArrayList<>(GeoFunctions.javaFunctions());
        all.addAll(TextCodecFunctions.javaFunctions());
        all.addAll(HashFunctions.javaFunctions());
        all.addAll(TextParsingFunctions.javaFunctions());
        all.addAll(SchemaAggregates.javaFunctions());
        all.addAll(SeriesTransforms.javaFunctions());
        return all;
    }

    /** The names of every function callable by name, sorted. */
    public static java.util.SortedSet<String> names() {
        return new java.util.TreeSet<>(FUNCTIONS.keySet());
    }

    /**
     * The scalar function that shares its name with an aggregate ({@code hll_merge}, {@code tdigest_merge}): the
     * binder calls it when the name is used with several arguments, or outside {@code summarize}.
     */
    public static Optional<FunctionDeclaration> scalarForm(String name) {
        return Optional.ofNullable(SCALAR_FORMS.get(name));
    }

    /** The function with this name (KQL function names are case-sensitive). */
    public static Optional<FunctionDeclaration> function(String name) {
        return Optional.ofNullable(FUNCTIONS.get(name));
    }

    /**
     * The function of this name that gives several values ({@code series_stats}, ...), which
     * {@code extend} and {@code project} spread over several columns.
     */
    public static Optional<MultiValueFunction> multiValued(String name) {
        return Optional.ofNullable(MULTI_VALUED.get(name));
    }

    public static FunctionDeclaration operator(BinaryOperator operator) {
        return OPERATORS.get(operator);
    }

    /** Unary minus. */
    public static FunctionDeclaration negation() {
        return NEGATION;
    }

    /**
     * The aggregates that take a row where a key is largest or smallest ({@code arg_max}, {@code arg_min}
     * and their legacy spellings): the binder spreads each over several columns of per-column aggregates.
     */
    public static java.util.Set<String> rowPickingAggregates() {
        return ROW_PICKING;
    }

    /** The per-column aggregate behind {@code arg_max} (or, with {@code smallest}, {@code arg_min}): (value, key) to value. */
    public static FunctionDeclaration argExtremeValue(boolean smallest) {
        return smallest ? AggregateFunctions.ARG_MIN_VALUE : AggregateFunctions.ARG_MAX_VALUE;
    }

    /**
     * The operators written around a list or a range rather than between two operands, which the parser
     * reads itself: {@code in}, {@code !in}, {@code in~}, {@code !in~}, {@code has_any}, {@code has_all},
     * {@code between}, {@code !between}.
     */
    public static java.util.Set<String> listOperators() {
        return java.util.Set.of("in", "!in", "in~", "!in~", "has_any", "has_all", "between", "!between");
    }

    /** {@code has_any} or {@code has_all}: (string, string...) to bool. */
    public static FunctionDeclaration termList(boolean all) {
        return all ? ListOperators.HAS_ALL : ListOperators.HAS_ANY;
    }

    /** {@code between} or {@code !between}: (value, low, high) to bool. */
    public static FunctionDeclaration between(boolean negated) {
        return negated ? ListOperators.NOT_BETWEEN : ListOperators.BETWEEN;
    }

    /** Property access on a dynamic value, {@code x.name}: (dynamic, string) to dynamic. */
    public static FunctionDeclaration memberAccess() {
        return DynamicAccess.MEMBER;
    }

    /** Element access on a dynamic value, {@code x[index]}: an index (long) or a property name (string). */
    public static FunctionDeclaration elementAccess() {
        return DynamicAccess.ELEMENT;
    }

    /** The conversion function to {@code type} ({@code tostring}, {@code tolong}, ...), used for implicit conversions of dynamic values. */
    public static Optional<FunctionDeclaration> conversionTo(KqlType type) {
        return Optional.ofNullable(Conversions.FUNCTION_FOR_TYPE.get(type)).flatMap(FunctionRegistry::function);
    }
}
