package dev.vigil.kql.functions;

/**
 * The discrete Fourier transform of a complex series, X[k] = sum over n of x[n] e^(-2 pi i k n / N), and its inverse
 * (with e^(+2 pi i k n / N) and divided by N, so that the inverse of the transform is the series again). Lengths that
 * are powers of two take the radix-2 fast transform; other lengths the direct sum.
 */
final class Fourier {
    private Fourier() {
    }

    /** Transforms {@code real} and {@code imaginary} (of equal length) in place. */
    static void transform(double[] real, double[] imaginary, boolean inverse) {
        int n = real.length;
        if (n == 0) {
            return;
        }
        if (Integer.bitCount(n) == 1) {
            radix2(real, imaginary, inverse);
        } else {
            direct(real, imaginary, inverse);
        }
        if (inverse) {
            for (int i = 0; i < n; i++) {
                real[i] /= n;
                imaginary[i] /= n;
            }
        }
    }

    private static void direct(double[] real, double[] imaginary, boolean inverse) {
        int n = real.length;
        double sign = inverse ? 1 : -1;
        // k * t taken modulo n keeps the angle small, so that the sine and cosine stay exact for whole turns; the n
        // angles that gives are computed once, not once per term
        double[] cosines = new double[n];
        double[] sines = new double[n];
        for (int m = 0; m < n; m++) {
            double angle = sign * 2 * Math.PI * m / n;
            cosines[m] = Math.cos(angle);
            sines[m] = Math.sin(angle);
        }
        double[] outReal = new double[n];
        double[] outImaginary = new double[n];
        for (int k = 0; k < n; k++) {
            double sumReal = 0;
            double sumImaginary = 0;
            for (int t = 0; t < n; t++) {
                int m = (int) ((long) k * t % n);
                double cos = cosines[m];
                double sin = sines[m];
                sumReal += real[t] * cos - imaginary[t] * sin;
                sumImaginary += real[t] * sin + imaginary[t] * cos;
            }
            outReal[k] = sumReal;
            outImaginary[k] = sumImaginary;
        }
        System.arraycopy(outReal, 0, real, 0, n);
        System.arraycopy(outImaginary, 0, imaginary, 0, n);
    }

    private static void radix2(double[] real, double[] imaginary, boolean inverse) {
        int n = real.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                swap(real, i, j);
                swap(imaginary, i, j);
            }
        }
        double sign = inverse ? 1 : -1;
        for (int length = 2; length <= n; length <<= 1) {
            int half = length / 2;
            for (int start = 0; start < n; start += length) {
                for (int k = 0; k < half; k++) {
                    double angle = sign * 2 * Math.PI * k / length;
                    double cos = Math.cos(angle);
                    double sin = Math.sin(angle);
                    int a = start + k;
                    int b = a + half;
                    double bReal = real[b] * cos - imaginary[b] * sin;
                    double bImaginary = real[b] * sin + imaginary[b] * cos;
                    real[b] = real[a] - bReal;
                    imaginary[b] = imaginary[a] - bImaginary;
                    real[a] += bReal;
                    imaginary[a] += bImaginary;
                }
            }
        }
    }

    private static void swap(double[] values, int i, int j) {
        double value = values[i];
        values[i] = values[j];
        values[j] = value;
    }
}
