package dev.vigil.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic {@code SecurityAlert} rows shaped like Defender for IoT's: nine in ten come from
 * "Azure Security Center for IoT", the rest from other products, spread over 30 days.
 */
final class SecurityAlertRows {
    static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
    private static final long SPAN_SECONDS = Duration.ofDays(30).toSeconds();
    private static final String[] SEVERITIES = {"Informational", "Low", "Medium", "High"};
    private static final String[] IOT_ALERTS = {
        "Brute force attack succeeded", "Successful local login on device", "Failed local login attempt on device",
        "Crypto Coin Miner", "Binary Command Line", "Disable firewall", "Reverse shells", "Known attack tool",
    };
    private static final String[] OTHER_PRODUCTS = {"Azure Security Center", "Microsoft Defender Advanced Threat Protection"};

    private final SplittableRandom random;
    private long produced;

    SecurityAlertRows(long seed) {
        this.random = new SplittableRandom(seed);
    }

    List<Map<String, Object>> next(int count) {
        List<Map<String, Object>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(row());
        }
        return rows;
    }

    private Map<String, Object> row() {
        long n = produced++;
        boolean iot = random.nextInt(10) != 0;
        String alert = IOT_ALERTS[random.nextInt(IOT_ALERTS.length)];
        String device = "device-" + random.nextInt(5_000);
        Instant generated = END.minusSeconds(random.nextLong(SPAN_SECONDS));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("TimeGenerated", generated.toString());
        row.put("ProductName", iot ? "Azure Security Center for IoT" : OTHER_PRODUCTS[random.nextInt(OTHER_PRODUCTS.length)]);
        row.put("AlertName", alert);
        row.put("DisplayName", alert);
        row.put("AlertSeverity", SEVERITIES[random.nextInt(SEVERITIES.length)]);
        row.put("Status", "New");
        row.put("SystemAlertId", "alert-" + n);
        row.put("CompromisedEntity", device);
        row.put("ResourceId", "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/plant/providers/Microsoft.Devices/IotHubs/hub-" + random.nextInt(4));
        row.put("ExtendedProperties", Map.of("DeviceId", device, "Full Source Address", "[\"10.0.0." + random.nextInt(255) + ":\"]"));
        row.put("StartTime", generated.toString());
        row.put("EndTime", generated.toString());
        return row;
    }
}
