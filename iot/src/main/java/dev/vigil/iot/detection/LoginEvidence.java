package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What a {@code Login} payload item shows. */
record LoginEvidence(String result, String operation, String userName, String userId, String executable, String processId,
        String remoteAddress, String remotePort, String localPort) {
    private static final Set<String> LOCAL_ADDRESSES = Set.of("", "?", "127.0.0.1", "::1", "localhost");

    static LoginEvidence of(PayloadItem item) {
        return new LoginEvidence(item.text("Result"), item.text("Operation"), item.text("UserName"), item.text("UserId"),
                item.text("Executable"), item.text("ProcessId"), item.text("RemoteAddress").trim(),
                item.text("RemotePort"), item.text("LocalPort"));
    }

    boolean failed() {
        return result.equalsIgnoreCase("Fail");
    }

    boolean succeeded() {
        return result.equalsIgnoreCase("Success");
    }

    /** A logout is reported as a Login event too; it says nothing about access. */
    boolean isLogout() {
        return operation.toLowerCase(Locale.ROOT).startsWith("logout") || operation.equalsIgnoreCase("LogOff");
    }

    /** No remote peer: a console, {@code su} or loopback login. */
    boolean isLocal() {
        return LOCAL_ADDRESSES.contains(remoteAddress.toLowerCase(Locale.ROOT));
    }

    /** The user as the alert names it: the name, else the numeric id. */
    String user() {
        return userName.isEmpty() ? userId : userName;
    }

    /** The properties of Defender's "Successful local login" row, in its order. */
    Map<String, String> localLoginProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Remote Address", remoteAddress.isEmpty() ? "?" : remoteAddress);
        properties.put("Remote Port", remotePort);
        properties.put("Local Port", localPort);
        properties.put("Login Shell", executable);
        properties.put("Login Process Id", processId);
        properties.put("User Name", user());
        return properties;
    }

    List<AlertEntity> entities() {
        List<AlertEntity> entities = new ArrayList<>();
        if (!isLocal()) {
            entities.add(AlertEntity.ip(remoteAddress));
        }
        if (!user().isEmpty()) {
            entities.add(AlertEntity.account(user()));
        }
        return entities;
    }
}
