package dev.vigil.server.api.iot;

import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.alert.AlertStatus;
import dev.vigil.iot.alert.IotAlert;
import dev.vigil.server.api.InvalidRequestException;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The query of an alert list: {@code status}, {@code severity} and {@code deviceId} filters, newest
 * first, {@code $top} (1..1000, default 100) from {@code $skip}.
 */
record AlertFilter(Optional<AlertStatus> status, Optional<AlertSeverity> severity, Optional<String> deviceId, int top, int skip) {
    static final int DEFAULT_TOP = 100;
    static final int MAX_TOP = 1000;

    /** Newest first; ties by id, so that pages do not overlap. */
    private static final Comparator<IotAlert> NEWEST_FIRST =
            Comparator.comparing(IotAlert::startTime).reversed().thenComparing(IotAlert::alertId);

    static AlertFilter of(Context ctx) {
        Optional<AlertStatus> status = Optional.ofNullable(ctx.queryParam("status")).map(AlertFilter::status);
        Optional<AlertSeverity> severity = Optional.ofNullable(ctx.queryParam("severity")).map(AlertFilter::severity);
        return new AlertFilter(status, severity, Optional.ofNullable(ctx.queryParam("deviceId")),
                (int) number(ctx, "$top", DEFAULT_TOP, 1, MAX_TOP), (int) number(ctx, "$skip", 0, 0, Integer.MAX_VALUE));
    }

    /** The page of {@code alerts} this query selects, and whether more follow it. */
    Selection select(List<IotAlert> alerts, Predicate<IotAlert> scope) {
        List<IotAlert> matching = alerts.stream().filter(scope).filter(this::matches).sorted(NEWEST_FIRST).toList();
        int from = Math.min(skip, matching.size());
        int to = (int) Math.min((long) from + top, matching.size());
        return new Selection(matching.subList(from, to), to < matching.size() ? Optional.of(to) : Optional.empty());
    }

    private boolean matches(IotAlert alert) {
        return status.map(s -> alert.status() == s).orElse(true)
                && severity.map(s -> alert.severity() == s).orElse(true)
                && deviceId.map(id -> alert.deviceId().equals(id)).orElse(true);
    }

    /** The alerts of one page, and the {@code $skip} of the next page when there is one. */
    record Selection(List<IotAlert> alerts, Optional<Integer> nextSkip) {
    }

    static AlertStatus status(String text) {
        try {
            return AlertStatus.fromSentinelName(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'status' must be New, InProgress, Resolved or Dismissed, was '" + text + "'");
        }
    }

    private static AlertSeverity severity(String text) {
        return Arrays.stream(AlertSeverity.values()).filter(s -> s.sentinelName().equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("'severity' must be Informational, Low, Medium or High, was '" + text + "'"));
    }

    /** A whole-number query parameter within {@code [min, max]}, or {@code fallback} when absent. */
    static long number(Context ctx, String name, long fallback, long min, long max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw new InvalidRequestException("'" + name + "' must be a whole number from " + min + " to " + max + ", was '"
                + text + "'");
    }
}
