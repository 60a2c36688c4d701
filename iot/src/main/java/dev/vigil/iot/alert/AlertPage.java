package dev.vigil.iot.alert;

import java.util.List;
import java.util.Optional;

/**
 * One page of a subscription's alerts, newest first.
 *
 * @param next where the next page starts ({@code $skipToken}); empty at the end. A page may hold
 *     fewer alerts than asked for, even none, and still have a next one: a listing looks at a
 *     bounded number of alerts per call.
 */
public record AlertPage(List<IotAlert> alerts, Optional<String> next) {
    public AlertPage {
        alerts = List.copyOf(alerts);
    }
}
