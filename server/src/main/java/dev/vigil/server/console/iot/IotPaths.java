package dev.vigil.server.console.iot;

import dev.vigil.iot.registry.IotHub;
import dev.vigil.server.console.layout.ConsolePaths;

/** Where the IoT pages live under a workspace: the overview, a hub, its devices and security groups, the IoT alerts. */
final class IotPaths {
    static final String OVERVIEW = ConsolePaths.WORKSPACE + "/iot";
    /** Route pattern of a hub's pages. */
    static final String HUB = OVERVIEW + "/subscriptions/{subscription}/resourceGroups/{rg}/hubs/{hub}";
    static final String DEVICES = HUB + "/devices";
    static final String DEVICE = DEVICES + "/{device}";
    static final String GROUPS = HUB + "/securityGroups";
    static final String GROUP = GROUPS + "/{group}";
    static final String ALERTS = OVERVIEW + "/alerts";

    private IotPaths() {
    }

    static String overview(String workspace) {
        return ConsolePaths.workspace(workspace) + "/iot";
    }

    static String hub(String workspace, IotHub hub) {
        return overview(workspace) + "/subscriptions/" + ConsolePaths.encode(hub.subscriptionId()) + "/resourceGroups/"
                + ConsolePaths.encode(hub.resourceGroup()) + "/hubs/" + ConsolePaths.encode(hub.name());
    }

    static String devices(String workspace, IotHub hub) {
        return hub(workspace, hub) + "/devices";
    }

    static String device(String workspace, IotHub hub, String deviceId) {
        return devices(workspace, hub) + "/" + ConsolePaths.encode(deviceId);
    }

    static String group(String workspace, IotHub hub, String group) {
        return hub(workspace, hub) + "/securityGroups/" + ConsolePaths.encode(group);
    }

    static String alerts(String workspace) {
        return overview(workspace) + "/alerts";
    }
}
