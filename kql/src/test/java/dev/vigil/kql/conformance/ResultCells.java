package dev.vigil.kql.conformance;

import dev.vigil.kql.types.KqlType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical text of result values, as written in {@code .kqltest} files: {@code null};
 * numbers plainly ({@code 2.5}, {@code 4}); strings in double quotes; datetimes as
 * {@code 2024-03-10T11:00:00Z}, with seven fraction digits when the fraction is not zero
 * ({@code 2024-03-10T11:00:00.1234567Z}), as Kusto prints them; timespans as Kusto prints them ({@code 1.02:00:00},
 * {@code 00:00:00.1000000}); dynamic as JSON text.
 */
final class ResultCells {
    private static final long TICKS_PER_SECOND = 10_000_000L;

    private ResultCells() {
    }

    static String read(ResultSet rows, int column, KqlType type) throws SQLException {
        if (rows.getObject(column) == null) {
            return "null";
        }
        switch (type) {
            case BOOL: return String.valueOf(rows.getBoolean(column));
            case INT: return String.valueOf(rows.getInt(column));
            case LONG: return String.valueOf(rows.getLong(column));
            case REAL: return real(rows.getDouble(column));
            case DECIMAL: return rows.getBigDecimal(column).stripTrailingZeros().toPlainString();
            case STRING: return quote(rows.getString(column));
            case DATETIME: return datetime(rows.getObject(column, LocalDateTime.class));
            case TIMESPAN: return timespan(rows.getLong(column));
            default: return rows.getString(column);
        }
    }

    static String datetime(LocalDateTime value) {
        String seconds = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value.truncatedTo(ChronoUnit.SECONDS));
        return value.getNano() == 0 ? seconds + "Z" : seconds + String.format(".%07dZ", value.getNano() / 100);
    }

    static String real(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String timespan(long ticks) {
        String sign = ticks < 0 ? "-" : "";
        long magnitude = Math.abs(ticks);
        long days = magnitude / (86_400 * TICKS_PER_SECOND);
        long rest = magnitude % (86_400 * TICKS_PER_SECOND);
        long hours = rest / (3_600 * TICKS_PER_SECOND);
        long minutes = rest % (3_600 * TICKS_PER_SECOND) / (60 * TICKS_PER_SECOND);
        long seconds = rest % (60 * TICKS_PER_SECOND) / TICKS_PER_SECOND;
        long fraction = rest % TICKS_PER_SECOND;
        String text = String.format("%s%s%02d:%02d:%02d", sign, days > 0 ? days + "." : "", hours, minutes, seconds);
        return fraction == 0 ? text : text + String.format(".%07d", fraction);
    }

    /** Splits an expected row at commas outside double quotes and outside JSON brackets, trimming each cell. */
    static List<String> splitRow(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int nesting = 0;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted && c == '\\' && i + 1 < row.length()) {
                cell.append(c).append(row.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                cell.append(c);
            } else if (!quoted && (c == '[' || c == '{')) {
                nesting++;
                cell.append(c);
            } else if (!quoted && (c == ']' || c == '}')) {
                nesting--;
                cell.append(c);
            } else if (c == ',' && !quoted && nesting == 0) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }
}
