package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertEntity;
import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.message.SecurityEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brute force, per source address: {@code threshold} failed logins from one source within
 * {@code window} raise "Failed Bruteforce attempt" (once per run of failures); a successful login
 * from that source while the run is still within the window raises "Successful Bruteforce attempt".
 */
final class BruteForceDetector implements Detector {
    static final AlertDefinition FAILED = new AlertDefinition("IoT_BruteForceFailed", "Failed Bruteforce attempt", AlertSeverity.LOW,
            "Multiple unsuccessful login attempts from one source were identified on the device: a brute force attack that has not succeeded.",
            List.of("Block the source address at the network edge if it is not expected to reach the device.",
                    "Make sure the device uses strong passwords or key-based authentication, and limit the login attempts allowed."));
    static final AlertDefinition SUCCEEDED = new AlertDefinition("IoT_BruteForceSucceeded", "Successful Bruteforce attempt",
            AlertSeverity.HIGH, "A Brute force attack on the device was Successful",
            List.of("Review the login and the source address, and change the password of the accounts named.",
                    "Escalate the alert to the information security team and check the device for further compromise."));
    /** Sources tracked per device; the least recently failing ones are forgotten first. */
    private static final int MAX_SOURCES = 256;
    private static final int MAX_USERS = 16;

    private final int threshold;
    private final Duration window;

    BruteForceDetector(int threshold, Duration window) {
        this.threshold = threshold;
        this.window = window;
    }

    private static final class Run {
        final Deque<Instant> failures = new ArrayDeque<>();
        final Set<String> users = new LinkedHashSet<>();
        final Set<String> sourceAddresses = new LinkedHashSet<>();
    }

    private static final class Sources extends LinkedHashMap<String, Run> {
        Sources() {
            super(16, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Run> eldest) {
            return size() > MAX_SOURCES;
        }
    }

    @Override
    public List<AlertDefinition> definitions() {
        return List.of(SUCCEEDED, FAILED);
    }

    @Override
    public void onSecurityEvent(DeviceContext device, SecurityEvent event) {
        if (!event.name().equals("Login")) {
            return;
        }
        Sources sources = device.state(this, Sources::new);
        Instant at = event.timestampUtc();
        for (int index = 0; index < event.payload().size(); index++) {
            LoginEvidence login = LoginEvidence.of(new PayloadItem(event.payload().get(index)));
            if (login.isLogout()) {
                continue;
            }
            String trigger = event.id() + "#" + index;
            if (login.failed()) {
                Run run = sources.computeIfAbsent(login.remoteAddress(), key -> new Run());
                prune(run, at);
                run.failures.addLast(at);
                if (run.users.size() < MAX_USERS) {
                    run.users.add(login.user());
                }
                if (run.sourceAddresses.size() < MAX_USERS) {
                    run.sourceAddresses.add(login.remoteAddress() + ":" + login.remotePort());
                }
                if (run.failures.size() == threshold) {
                    device.raise(FAILED, at, trigger, properties(run), entities(login, run));
                }
            } else if (login.succeeded()) {
                Run run = sources.remove(login.remoteAddress());
                if (run != null) {
                    prune(run, at);
                    if (run.failures.size() >= threshold) {
                        run.users.add(login.user());
                        device.raise(SUCCEEDED, at, trigger, properties(run), entities(login, run));
                    }
                }
            }
        }
    }

    private void prune(Run run, Instant now) {
        Instant oldest = now.minus(window);
        while (!run.failures.isEmpty() && !run.failures.peekFirst().isAfter(oldest)) {
            run.failures.removeFirst();
        }
        if (run.failures.isEmpty()) {
            run.users.clear();
            run.sourceAddresses.clear();
        }
    }

    private static Map<String, String> properties(Run run) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Full Source Address", JsonText.array(run.sourceAddresses));
        properties.put("User Names", JsonText.array(run.users));
        return properties;
    }

    private static List<AlertEntity> entities(LoginEvidence login, Run run) {
        List<AlertEntity> entities = new ArrayList<>();
        if (!login.isLocal()) {
            entities.add(AlertEntity.ip(login.remoteAddress()));
        }
        run.users.stream().filter(user -> !user.isEmpty()).forEach(user -> entities.add(AlertEntity.account(user)));
        return entities;
    }
}
