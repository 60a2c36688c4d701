package dev.vigil.iot.alert;

import java.util.ArrayList;
import java.util.List;

/**
 * The alert that repeats of one type on one device are merged into, with the trigger keys
 * already counted (the newest few), so that a replayed occurrence is not counted twice.
 */
record OpenAlert(String alertId, List<String> triggerKeys) {
    static final int REMEMBERED_TRIGGERS = 64;

    OpenAlert {
        triggerKeys = List.copyOf(triggerKeys);
    }

    boolean hasSeen(String triggerKey) {
        return triggerKeys.contains(triggerKey);
    }

    OpenAlert withTrigger(String triggerKey) {
        List<String> keys = new ArrayList<>(triggerKeys);
        keys.add(triggerKey);
        if (keys.size() > REMEMBERED_TRIGGERS) {
            keys.subList(0, keys.size() - REMEMBERED_TRIGGERS).clear();
        }
        return new OpenAlert(alertId, keys);
    }
}
