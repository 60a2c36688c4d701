package dev.vigil.server.api.workbooks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows in Sentinel's shape for the workbooks' tables: IoT alerts of two hubs, raw device events and incidents. */
final class WorkbookData {
    private WorkbookData() {
    }

    /** Alerts an hour apart: {@code high} High ones on hub-a's plc-1, {@code medium} Medium ones on hub-b's plc-2. */
    static List<Map<String, Object>> alerts(Instant now, int high, int medium) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < high + medium; i++) {
            boolean isHigh = i < high;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("TimeGenerated", now.minus(i + 1, ChronoUnit.HOURS).toString());
            row.put("SystemAlertId", "alert-" + i);
            row.put("AlertName", isHigh ? "Brute force attack succeeded" : "Crypto Coin Miner");
            row.put("AlertType", isHigh ? "IoT_BruteForceSuccess" : "IoT_CryptoMiner");
            row.put("AlertSeverity", isHigh ? "High" : "Medium");
            row.put("ProductName", "Azure Security Center for IoT");
            row.put("Status", "New");
            row.put("Tactics", isHigh ? "CredentialAccess, InitialAccess" : "Impact");
            row.put("ResourceId", "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Devices/IotHubs/" + (isHigh ? "hub-a" : "hub-b"));
            row.put("ExtendedProperties", "{\"DeviceId\":\"" + (isHigh ? "plc-1" : "plc-2") + "\"}");
            rows.add(row);
        }
        return rows;
    }

    static List<Map<String, Object>> rawEvents(Instant now, int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("TimeGenerated", now.minus(i + 1, ChronoUnit.MINUTES).toString());
            row.put("DeviceId", "plc-" + (i % 2 + 1));
            row.put("RawEventType", "Security");
            row.put("RawEventName", i % 3 == 0 ? "Login" : "ProcessCreate");
            row.put("IoTRawEventId", "event-" + i);
            rows.add(row);
        }
        return rows;
    }

    /** Incidents 1..n, each created and then closed 30 minutes later except the last. */
    static List<Map<String, Object>> incidents(Instant now, int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Instant created = now.minus(5L * i, ChronoUnit.HOURS);
            rows.add(incident(i, created, created, "New", null));
            if (i < count) {
                rows.add(incident(i, created.plus(30, ChronoUnit.MINUTES), created, "Closed", created.plus(30, ChronoUnit.MINUTES)));
            }
        }
        return rows;
    }

    private static Map<String, Object> incident(int number, Instant time, Instant created, String status, Instant closed) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("TimeGenerated", time.toString());
        row.put("IncidentNumber", number);
        row.put("Title", "incident " + number);
        row.put("Severity", "High");
        row.put("Status", status);
        row.put("CreatedTime", created.toString());
        row.put("FirstModifiedTime", created.plus(10, ChronoUnit.MINUTES).toString());
        if (closed != null) {
            row.put("ClosedTime", closed.toString());
        }
        return row;
    }
}
