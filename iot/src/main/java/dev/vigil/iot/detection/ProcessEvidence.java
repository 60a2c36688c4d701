package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a {@code ProcessCreate} payload item shows, as alert properties and entities. */
record ProcessEvidence(String executable, String commandLine, String processId, String parentProcessId, String userId, String userName) {

    static ProcessEvidence of(PayloadItem item) {
        return new ProcessEvidence(item.text("Executable"), item.text("CommandLine"), item.text("ProcessId"),
                item.text("ParentProcessId"), item.text("UserId"), item.text("UserName"));
    }

    /** The executable's file name, e.g. {@code nmap} for {@code /usr/bin/nmap}. */
    String executableName() {
        return executable.substring(executable.lastIndexOf('/') + 1);
    }

    Map<String, String> extendedProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Executable", executable);
        properties.put("Command Line", commandLine);
        properties.put("Process Id", processId);
        properties.put("Parent Process Id", parentProcessId);
        properties.put("User Id", userId);
        properties.put("User Name", userName);
        return properties;
    }

    List<AlertEntity> entities() {
        List<AlertEntity> entities = new ArrayList<>();
        entities.add(AlertEntity.process(processId, commandLine, executable));
        if (!userName.isEmpty()) {
            entities.add(AlertEntity.account(userName));
        }
        return entities;
    }
}
