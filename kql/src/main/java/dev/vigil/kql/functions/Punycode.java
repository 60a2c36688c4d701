package dev.vigil.kql.functions;

import java.util.ArrayList;
import java.util.List;

/**
 * Punycode (RFC 3492), as Kusto's {@code punycode_*} functions use it: the raw encoding of a string,
 * without nameprep (case and spaces are kept), and domains as labels split at '.' (or the ideographic
 * full stop U+3002) whose non-ASCII labels carry the {@code xn--} prefix. Null where a string cannot be
 * encoded or decoded.
 */
final class Punycode {
    private static final int BASE = 36;
    private static final int T_MIN = 1;
    private static final int T_MAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 128;
    private static final String PREFIX = "xn--";

    private Punycode() {
    }

    static String encode(String text) {
        int[] points = text.codePoints().toArray();
        StringBuilder output = new StringBuilder();
        for (int point : points) {
            if (point < 0x80) {
                output.append((char) point);
            }
        }
        int basic = output.length();
        int handled = basic;
        if (basic > 0) {
            output.append('-');
        }
        int n = INITIAL_N;
        int delta = 0;
        int bias = INITIAL_BIAS;
        while (handled < points.length) {
            int next = Integer.MAX_VALUE;
            for (int point : points) {
                if (point >= n && point < next) {
                    next = point;
                }
            }
            delta = Math.addExact(delta, Math.multiplyExact(next - n, handled + 1));
            n = next;
            for (int point : points) {
                if (point < n) {
                    delta = Math.addExact(delta, 1);
                }
                if (point == n) {
                    int q = delta;
                    for (int k = BASE; ; k += BASE) {
                        int t = threshold(k, bias);
                        if (q < t) {
                            break;
                        }
                        output.append(digit(t + (q - t) % (BASE - t)));
                        q = (q - t) / (BASE - t);
                    }
                    output.append(digit(q));
                    bias = adapt(delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }
            delta++;
            n++;
        }
        return output.toString();
    }

    static String decode(String text) {
        int end = text.lastIndexOf('-');
        List<Integer> output = new ArrayList<>();
        for (int i = 0; i < Math.max(end, 0); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                throw new IllegalArgumentException("not punycode");
            }
            output.add((int) c);
        }
        int n = INITIAL_N;
        int i = 0;
        int bias = INITIAL_BIAS;
        for (int at = end >= 0 ? end + 1 : 0; at < text.length(); ) {
            int old = i;
            int weight = 1;
            for (int k = BASE; ; k += BASE) {
                if (at >= text.length()) {
                    throw new IllegalArgumentException("truncated punycode");
                }
                int digit = value(text.charAt(at++));
                i = Math.addExact(i, Math.multiplyExact(digit, weight));
                int t = threshold(k, bias);
                if (digit < t) {
                    break;
                }
                weight = Math.multiplyExact(weight, BASE - t);
            }
            bias = adapt(i - old, output.size() + 1, old == 0);
            n = Math.addExact(n, i / (output.size() + 1));
            i %= output.size() + 1;
            output.add(i, n);
            i++;
        }
        StringBuilder result = new StringBuilder();
        output.forEach(result::appendCodePoint);
        return result.toString();
    }

    /** Each label that is not ASCII encoded and prefixed with {@code xn--}; labels joined with '.'. */
    static String encodeDomain(String domain) {
        List<String> labels = new ArrayList<>();
        for (String label : labels(domain)) {
            labels.add(label.chars().allMatch(c -> c < 0x80) ? label : PREFIX + encode(label));
        }
        return String.join(".", labels);
    }

    /** Each {@code xn--} label decoded; labels joined with '.'. */
    static String decodeDomain(String domain) {
        List<String> labels = new ArrayList<>();
        for (String label : labels(domain)) {
            labels.add(label.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? decode(label.substring(PREFIX.length())) : label);
        }
        return String.join(".", labels);
    }

    private static String[] labels(String domain) {
        return domain.split("[.\u3002]", -1);
    }

    private static int threshold(int k, int bias) {
        return k <= bias ? T_MIN : Math.min(k - bias, T_MAX);
    }

    private static int adapt(int delta, int points, boolean first) {
        delta = first ? delta / DAMP : delta / 2;
        delta += delta / points;
        int k = 0;
        while (delta > ((BASE - T_MIN) * T_MAX) / 2) {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        return k + (BASE - T_MIN + 1) * delta / (delta + SKEW);
    }

    private static char digit(int value) {
        return (char) (value < 26 ? 'a' + value : '0' + value - 26);
    }

    private static int value(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 26;
        }
        throw new IllegalArgumentException("not a punycode digit: " + c);
    }
}
