package dev.vigil.server.api.iot;

import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.alert.AlertStatus;
import dev.vigil.iot.alert.IotAlert;
import dev.vigil.server.api.InvalidRequestException;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Optional;

/**
 * The query of an alert list: {@code status}, {@code severity}, {@code deviceId} and {@code alertType}
 * filters, newest first, {@code $top} (1..1000, default 100) from {@code $skipToken}.
 */
record AlertFilter(Optional<AlertStatus> status, Optional<AlertSeverity> severity, Optional<String> deviceId, Optional<String> alertType,
                   int top, Optional<String> skipToken) {
    static final int DEFAULT_TOP = 100;
    static final int MAX_TOP = 1000;

    static AlertFilter of(Context ctx) {
        Optional<AlertStatus> status = Optional.ofNullable(ctx.queryParam("status")).map(AlertFilter::status);
        Optional<AlertSeverity> severity = Optional.ofNullable(ctx.queryParam("severity")).map(AlertFilter::severity);
        return new AlertFilter(status, severity, Optional.ofNullable(ctx.queryParam("deviceId")), Optional.ofNullable(ctx.queryParam("alertType")),
                (int) number(ctx, "$top", DEFAULT_TOP, 1, MAX_TOP), Optional.ofNullable(ctx.queryParam("$skipToken")));
    }

    boolean matches(IotAlert alert) {
        return status.map(s -> alert.status() == s).orElse(true)
                && severity.map(s -> alert.severity() == s).orElse(true)
                && deviceId.map(id -> alert.deviceId().equals(id)).orElse(true)
                && alertType.map(type -> alert.alertType().equalsIgnoreCase(type)).orElse(true);
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
