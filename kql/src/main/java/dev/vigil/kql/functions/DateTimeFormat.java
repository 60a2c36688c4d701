package dev.vigil.kql.functions;

import java.util.ArrayList;
import java.util.List;

/**
 * Translates the .NET-style format strings of {@code format_datetime} and {@code format_timespan}
 * (yyyy, MM, dd, HH, hh, mm, ss, f…, F…, tt; d, h, m, s, f for timespans) into SQL that builds the
 * text piece by piece. Any other character is copied as it is. The format must be a constant.
 */
final class DateTimeFormat {
    private DateTimeFormat() {
    }

    static String datetime(String value, String format) {
        return SharedValue.let(value, v -> {
            // the calendar parts from the microsecond below: DuckDB's month(), hour(), … round a TIMESTAMP_NS to the nearest one
            String x = DatetimeTicks.wholeMicros(v);
            List<String> pieces = new ArrayList<>();
            forEachRun(format, (letter, count, literal) -> {
                if (literal != null) {
                    pieces.add(literal(literal));
                    return;
                }
                switch (letter) {
                    case 'y':
                        pieces.add(count >= 4 ? "strftime(" + x + ", '%Y')" : count == 2 ? "strftime(" + x + ", '%y')"
                                : "CAST(year(" + x + ") % 100 AS VARCHAR)");
                        break;
                    case 'M': pieces.add(padded("month(" + x + ")", count)); break;
                    case 'd': pieces.add(padded("day(" + x + ")", count)); break;
                    case 'H': pieces.add(padded("hour(" + x + ")", count)); break;
                    case 'h': pieces.add(padded("((hour(" + x + ") + 11) % 12 + 1)", count)); break;
                    case 'm': pieces.add(padded("minute(" + x + ")", count)); break;
                    case 's': pieces.add(padded("second(" + x + ")", count)); break;
                    case 'f': pieces.add(fraction(DatetimeTicks.fractionDigits(v), count, false)); break;
                    case 'F': pieces.add(fraction(DatetimeTicks.fractionDigits(v), count, true)); break;
                    case 't': pieces.add(count >= 2 ? "strftime(" + x + ", '%p')" : "left(strftime(" + x + ", '%p'), 1)"); break;
                    default: pieces.add(literal(String.valueOf(letter).repeat(count)));
                }
            });
            return pieces.isEmpty() ? "''" : "(" + String.join(" || ", pieces) + ")";
        });
    }

    static String timespan(String ticks, String format) {
        return SharedValue.let(ticks, t -> {
            String magnitude = "abs(" + t + ")";
            List<String> pieces = new ArrayList<>();
            forEachRun(format, (letter, count, literal) -> {
                if (literal != null) {
                    pieces.add(literal(literal));
                    return;
                }
                switch (letter) {
                    case 'd': pieces.add(padded("(" + magnitude + " // 864000000000)", count)); break;
                    case 'h': case 'H': pieces.add(padded("(" + magnitude + " % 864000000000 // 36000000000)", count)); break;
                    case 'm': pieces.add(padded("(" + magnitude + " % 36000000000 // 600000000)", count)); break;
                    case 's': pieces.add(padded("(" + magnitude + " % 600000000 // 10000000)", count)); break;
                    case 'f': pieces.add(fraction("lpad(CAST(" + magnitude + " % 10000000 AS VARCHAR), 7, '0')", count, false)); break;
                    case 'F': pieces.add(fraction("lpad(CAST(" + magnitude + " % 10000000 AS VARCHAR), 7, '0')", count, true)); break;
                    default: pieces.add(literal(String.valueOf(letter).repeat(count)));
                }
            });
            return pieces.isEmpty() ? "''" : "(CASE WHEN " + t + " < 0 THEN '-' ELSE '' END || " + String.join(" || ", pieces) + ")";
        });
    }

    /** The number with at least {@code width} digits (more when it needs them). */
    private static String padded(String number, int width) {
        return "printf('%0" + Math.max(width, 1) + "d', CAST(" + number + " AS BIGINT))";
    }

    private static String fraction(String sevenDigits, int count, boolean trimZeros) {
        String digits = "substring(" + sevenDigits + ", 1, " + Math.min(count, 7) + ")";
        return trimZeros ? "rtrim(" + digits + ", '0')" : digits;
    }

    private interface RunConsumer {
        /** A run of one format letter, or (letter 0) a piece of literal text. */
        void accept(char letter, int count, String literal);
    }

    /** Splits a format into runs of the same letter and literal text (quoted with ' or " or escaped with \). */
    private static void forEachRun(String format, RunConsumer consumer) {
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '\\' && i + 1 < format.length()) {
                consumer.accept((char) 0, 0, String.valueOf(format.charAt(i + 1)));
                i += 2;
            } else if (c == '\'' || c == '"') {
                int close = format.indexOf(c, i + 1);
                int end = close < 0 ? format.length() : close;
                consumer.accept((char) 0, 0, format.substring(i + 1, end));
                i = end + 1;
            } else if ("yMdHhmsfFt".indexOf(c) >= 0) {
                int start = i;
                while (i < format.length() && format.charAt(i) == c) {
                    i++;
                }
                consumer.accept(c, i - start, null);
            } else {
                consumer.accept((char) 0, 0, String.valueOf(c));
                i++;
            }
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
