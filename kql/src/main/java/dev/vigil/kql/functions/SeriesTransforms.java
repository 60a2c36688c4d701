package dev.vigil.kql.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Series functions that run as Java code (see {@link JavaScalar}), each giving several values as a bag whose parts
 * {@code extend (a, b) = f(...)} spreads over columns.
 * <ul>
 *   <li>{@code series_fft(real [, imaginary])} and {@code series_ifft(real [, imaginary])}: the discrete Fourier
 *   transform and its inverse ({@link Fourier}), as a real and an imaginary series. An element that is not a number,
 *   and a missing imaginary element, counts as 0; a real part that is not an array gives null.</li>
 *   <li>{@code series_fit_poly(y [, x [, degree]])}: least squares ({@link PolynomialFit}) of the given degree (1 by
 *   default) over the points whose y and x are finite numbers, x being 1..n when not given (or null): rsquare,
 *   coefficients (highest power first), variance and rvariance (sample variances of the values and of the residuals, as
 *   {@code series_fit_line} has them) and poly_fit, the polynomial at every x. Fewer points than coefficients give
 *   null values.</li>
 * </ul>
 */
final class SeriesTransforms {
    private static final KqlType DYNAMIC = KqlType.DYNAMIC;
    private static final KqlType REAL = KqlType.REAL;
    private static final KqlType LONG = KqlType.LONG;
    private static final ObjectMapper JSON = new ObjectMapper();

    // the bags behind the functions; Kusto has no such functions, so they are not registered by name
    private static final JavaScalar FFT = JavaScalar.of("series_fft_bag", DYNAMIC, List.of(DYNAMIC, DYNAMIC),
            a -> transform(a[0], a[1], false)).withDefaults("NULL");
    private static final JavaScalar IFFT = JavaScalar.of("series_ifft_bag", DYNAMIC, List.of(DYNAMIC, DYNAMIC),
            a -> transform(a[0], a[1], true)).withDefaults("NULL");
    private static final JavaScalar FIT_POLY = JavaScalar.of("series_fit_poly_bag", DYNAMIC, List.of(DYNAMIC, DYNAMIC, LONG),
            a -> fitPoly(a[0], a[1], a[2] == null ? 1 : (Long) a[2])).withDefaults("NULL", "1");

    private static final MultiValueFunction FFT_COLUMNS = new MultiValueFunction(FFT.declaration(), complexParts());
    private static final MultiValueFunction IFFT_COLUMNS = new MultiValueFunction(IFFT.declaration(), complexParts());
    private static final MultiValueFunction FIT_POLY_COLUMNS = new MultiValueFunction(FIT_POLY.declaration(), List.of(
            new ResultPart("rsquare", REAL), new ResultPart("coefficients", DYNAMIC), new ResultPart("variance", REAL),
            new ResultPart("rvariance", REAL), new ResultPart("poly_fit", DYNAMIC)));

    private SeriesTransforms() {
    }

    static List<FunctionDeclaration> declarations() {
        String unnamed = "unnamed, the two columns end in _real and _imaginary (Kusto's names for them are not documented)";
        return List.of(
                FunctionDeclaration.scalar("series_fft", ColumnNaming.NONE, SeriesFunctions.firstPart(FFT_COLUMNS)).withDeviation(unnamed),
                FunctionDeclaration.scalar("series_ifft", ColumnNaming.NONE, SeriesFunctions.firstPart(IFFT_COLUMNS)).withDeviation(unnamed),
                FunctionDeclaration.scalar("series_fit_poly", ColumnNaming.NONE, SeriesFunctions.firstPart(FIT_POLY_COLUMNS)));
    }

    static List<MultiValueFunction> multiValued() {
        return List.of(FFT_COLUMNS, IFFT_COLUMNS, FIT_POLY_COLUMNS);
    }

    static List<JavaFunction> javaFunctions() {
        return List.of(FFT.function(), IFFT.function(), FIT_POLY.function());
    }

    private static List<ResultPart> complexParts() {
        return List.of(new ResultPart("real", DYNAMIC), new ResultPart("imaginary", DYNAMIC));
    }

    private static String transform(Object realJson, Object imaginaryJson, boolean inverse) {
        Optional<List<Double>> real = numbers(realJson);
        if (real.isEmpty()) {
            return null;
        }
        List<Double> imaginary = numbers(imaginaryJson).orElse(List.of());
        int n = real.get().size();
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = orZero(real.get().get(i));
            im[i] = i < imaginary.size() ? orZero(imaginary.get(i)) : 0;
        }
        Fourier.transform(re, im, inverse);
        ObjectNode bag = JSON.createObjectNode();
        bag.set("real", array(re));
        bag.set("imaginary", array(im));
        return bag.toString();
    }

    private static String fitPoly(Object yJson, Object xJson, long degree) {
        Optional<List<Double>> y = numbers(yJson);
        if (y.isEmpty()) {
            return null;
        }
        int n = y.get().size();
        Optional<List<Double>> givenX = numbers(xJson);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            Double value = givenX.isPresent() ? (i < givenX.get().size() ? givenX.get().get(i) : null) : Double.valueOf(i + 1);
            x[i] = value == null ? Double.NaN : value;
        }
        List<Double> usedX = new ArrayList<>();
        List<Double> usedY = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Double value = y.get().get(i);
            if (value != null && Double.isFinite(value) && Double.isFinite(x[i])) {
                usedX.add(x[i]);
                usedY.add(value);
            }
        }
        double[] px = usedX.stream().mapToDouble(Double::doubleValue).toArray();
        double[] py = usedY.stream().mapToDouble(Double::doubleValue).toArray();
        ObjectNode bag = JSON.createObjectNode();
        Optional<PolynomialFit> fit = degree > Integer.MAX_VALUE - 1 ? Optional.empty() : PolynomialFit.of(px, py, (int) degree);
        if (fit.isEmpty()) {
            bag.putNull("rsquare");
            bag.putNull("coefficients");
            bag.putNull("variance");
            bag.putNull("rvariance");
            bag.putNull("poly_fit");
            return bag.toString();
        }
        double[] residuals = new double[px.length];
        for (int i = 0; i < px.length; i++) {
            residuals[i] = py[i] - fit.get().at(px[i]);
        }
        double variance = sampleVariance(py);
        double rvariance = sampleVariance(residuals);
        number(bag, "rsquare", variance == 0 ? 1.0 : 1.0 - rvariance / variance);
        bag.set("coefficients", array(fit.get().coefficients()));
        number(bag, "variance", variance);
        number(bag, "rvariance", rvariance);
        double[] curve = new double[n];
        for (int i = 0; i < n; i++) {
            curve[i] = fit.get().at(x[i]);
        }
        bag.set("poly_fit", array(curve));
        return bag.toString();
    }

    private static double sampleVariance(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double value : values) {
            mean += value;
        }
        mean /= values.length;
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum / (values.length - 1);
    }

    /** The elements of a JSON array, each a double or null where it is not a number; empty when it is no array. */
    private static Optional<List<Double>> numbers(Object json) {
        if (json == null) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree((String) json);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (node == null || !node.isArray()) {
            return Optional.empty();
        }
        List<Double> values = new ArrayList<>();
        node.forEach(element -> values.add(element.isNumber() ? element.asDouble() : null));
        return Optional.of(values);
    }

    private static double orZero(Double value) {
        return value == null || !Double.isFinite(value) ? 0 : value;
    }

    /** JSON has no NaN or infinity: such values are written as null. */
    private static ArrayNode array(double[] values) {
        ArrayNode array = JSON.createArrayNode();
        for (double value : values) {
            if (Double.isFinite(value)) {
                array.add(value);
            } else {
                array.addNull();
            }
        }
        return array;
    }

    private static void number(ObjectNode bag, String name, double value) {
        if (Double.isFinite(value)) {
            bag.put(name, value);
        } else {
            bag.putNull(name);
        }
    }
}
