package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The custom alerts "the number of X is outside the allowed range": with the group's enabled
 * time-window rule of a type, counts X per window; a count above {@code maxThreshold} raises as
 * soon as it is reached, a count below {@code minThreshold} when the window closes, which the
 * next occurrence or the clock (after {@code closeDelay}, for late arrivals) brings about.
 * Counting starts at the device's first occurrence of X.
 */
abstract class RangeRuleDetector implements Detector {
    private final Duration closeDelay;

    RangeRuleDetector(Duration closeDelay) {
        this.closeDelay = closeDelay;
    }

    /** The alert for this rule type. */
    abstract AlertDefinition definition(String ruleType);

    /** Counters by rule type. */
    private static final class State extends HashMap<String, WindowCounter> {
    }

    /** Counts one occurrence of what {@code ruleType} counts, at {@code at}. */
    final void count(DeviceContext device, String ruleType, Instant at) {
        Optional<TimeWindowRule> rule = device.rules().timeWindowRule(ruleType);
        State state = device.state(this, State::new);
        if (rule.isEmpty()) {
            state.remove(ruleType);
            return;
        }
        WindowCounter counter = state.get(ruleType);
        if (counter == null || !counter.size().equals(rule.get().timeWindowSize())) {
            counter = new WindowCounter(rule.get().timeWindowSize(), at);
            state.put(ruleType, counter);
        }
        for (WindowCounter.ClosedWindow window : counter.advanceTo(at)) {
            evaluate(device, rule.get(), window);
        }
        long count = counter.increment();
        if (count > rule.get().maxThreshold() && counter.markRaised()) {
            raise(device, rule.get(), counter.start(), counter.start().plus(counter.size()), count);
        }
    }

    @Override
    public final void onClock(DeviceContext device, Instant now) {
        State state = device.state(this, State::new);
        Iterator<Map.Entry<String, WindowCounter>> counters = state.entrySet().iterator();
        while (counters.hasNext()) {
            Map.Entry<String, WindowCounter> entry = counters.next();
            Optional<TimeWindowRule> rule = device.rules().timeWindowRule(entry.getKey());
            if (rule.isEmpty()) {
                counters.remove();
                continue;
            }
            for (WindowCounter.ClosedWindow window : entry.getValue().advanceTo(now.minus(closeDelay))) {
                evaluate(device, rule.get(), window);
            }
        }
    }

    private void evaluate(DeviceContext device, TimeWindowRule rule, WindowCounter.ClosedWindow window) {
        boolean below = window.count() < rule.minThreshold() && !window.start().isBefore(device.minimumsJudgedFrom());
        boolean above = window.count() > rule.maxThreshold() && !window.raised();
        if (below || above) {
            raise(device, rule, window.start(), window.end(), window.count());
        }
    }

    private void raise(DeviceContext device, TimeWindowRule rule, Instant windowStart, Instant windowEnd, long count) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Rule Type", rule.ruleType());
        properties.put("Count", Long.toString(count));
        properties.put("Min Threshold", Long.toString(rule.minThreshold()));
        properties.put("Max Threshold", Long.toString(rule.maxThreshold()));
        properties.put("Time Window Size", rule.timeWindowSize().toString());
        properties.put("Window Start", windowStart.toString());
        properties.put("Window End", windowEnd.toString());
        device.raise(definition(rule.ruleType()), windowStart, "window#" + rule.ruleType() + "#" + windowStart, properties, List.of());
    }
}
