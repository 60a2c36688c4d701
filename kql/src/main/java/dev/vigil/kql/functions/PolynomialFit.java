package dev.vigil.kql.functions;

import java.util.Optional;

/**
 * The least-squares polynomial of a given degree through points (x, y), solved by Householder QR on the Vandermonde
 * matrix (better conditioned than the normal equations for high degrees).
 *
 * @param coefficients from the highest power to the constant
 */
record PolynomialFit(double[] coefficients) {
    /** The fit, or empty when there are fewer points than coefficients or the x values cannot tell them apart. */
    static Optional<PolynomialFit> of(double[] x, double[] y, int degree) {
        int m = x.length;
        int n = degree + 1;
        if (degree < 0 || m < n) {
            return Optional.empty();
        }
        double[][] a = new double[m][n];
        double[] b = y.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = Math.pow(x[i], degree - j);
            }
        }
        for (int column = 0; column < n; column++) {
            double norm = 0;
            for (int i = column; i < m; i++) {
                norm += a[i][column] * a[i][column];
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return Optional.empty();
            }
            double alpha = a[column][column] > 0 ? -norm : norm;
            double[] v = new double[m];
            for (int i = column; i < m; i++) {
                v[i] = a[i][column];
            }
            v[column] -= alpha;
            double vv = 0;
            for (int i = column; i < m; i++) {
                vv += v[i] * v[i];
            }
            if (vv == 0) {
                continue;
            }
            for (int j = column; j < n; j++) {
                reflect(a, j, v, column, vv);
            }
            double dot = 0;
            for (int i = column; i < m; i++) {
                dot += v[i] * b[i];
            }
            for (int i = column; i < m; i++) {
                b[i] -= 2 * dot / vv * v[i];
            }
        }
        double largest = 0;
        for (int i = 0; i < n; i++) {
            largest = Math.max(largest, Math.abs(a[i][i]));
        }
        double[] c = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            if (Math.abs(a[i][i]) <= largest * 1e-13) {
                return Optional.empty();
            }
            double sum = b[i];
            for (int j = i + 1; j < n; j++) {
                sum -= a[i][j] * c[j];
            }
            c[i] = sum / a[i][i];
        }
        return Optional.of(new PolynomialFit(c));
    }

    private static void reflect(double[][] a, int j, double[] v, int from, double vv) {
        double dot = 0;
        for (int i = from; i < a.length; i++) {
            dot += v[i] * a[i][j];
        }
        for (int i = from; i < a.length; i++) {
            a[i][j] -= 2 * dot / vv * v[i];
        }
    }

    /** The polynomial's value at x (Horner's rule). */
    double at(double x) {
        double value = 0;
        for (double coefficient : coefficients) {
            value = value * x + coefficient;
        }
        return value;
    }
}
