package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a {@code ConnectionCreate} payload item shows. */
record ConnectionEvidence(String remoteAddress, String remotePort, String localAddress, String localPort, String direction,
        String protocol, String processId, String executable, String commandLine) {

    static ConnectionEvidence of(PayloadItem item) {
        return new ConnectionEvidence(item.text("RemoteAddress").trim(), item.text("RemotePort"), item.text("LocalAddress"),
                item.text("LocalPort"), item.text("Direction"), item.text("Protocol"), item.text("ProcessId"),
                item.text("Executable"), item.text("CommandLine"));
    }

    boolean outbound() {
        return direction.equalsIgnoreCase("Out");
    }

    Map<String, String> extendedProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Remote Address", remoteAddress);
        properties.put("Remote Port", remotePort);
        properties.put("Local Address", localAddress);
        properties.put("Local Port", localPort);
        properties.put("Direction", direction);
        properties.put("Protocol", protocol);
        properties.put("Process Id", processId);
        properties.put("Executable", executable);
        return properties;
    }

    List<AlertEntity> entities() {
        List<AlertEntity> entities = new ArrayList<>();
        if (!remoteAddress.isEmpty()) {
            entities.add(AlertEntity.ip(remoteAddress));
        }
        entities.add(AlertEntity.process(processId, commandLine, executable));
        return entities;
    }
}
