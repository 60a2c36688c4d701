package dev.vigil.server.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a simulation runs against and how big it is. Every size is bounded so a typo cannot flood
 * the server, and both endpoints must be on this machine.
 *
 * @param server        the Vigil HTTP endpoint (registry API and the HTTPS device endpoint)
 * @param apiKey        a key allowed to create subscriptions, hubs and devices and to read device keys (Owner)
 * @param mqttHost      the MQTT listener's host
 * @param mqttPort      its plaintext port
 * @param domain        hubs answer as {@code {hub}.{domain}}
 * @param devices       devices in the fleet
 * @param hubs          hubs the devices are spread over
 * @param subscriptions subscriptions the hubs are spread over
 * @param duration      how long the traffic runs
 * @param rate          messages per second across the fleet; 0 sends as fast as acknowledgements come back
 * @param triggeredEventsPerMessage triggered events an agent batches into one message
 * @param inFlightPerDevice messages a device may have sent and not yet seen acknowledged
 * @param attacks       whether to play the attack scenarios once the fleet has sent its baselines
 * @param progressInterval how often progress is reported
 * @param protocols     device {@code d} speaks {@code protocols[d % size]}
 * @param connectWorkspace when present, each subscription is connected to this workspace through the
 *     Defender for IoT data connector (with "Create incidents" on) once its hubs exist
 */
public record SimulationSettings(URI server, String apiKey, String mqttHost, int mqttPort, String domain,
                                 int devices, int hubs, int subscriptions, Duration duration, int rate,
                                 int triggeredEventsPerMessage, int inFlightPerDevice, boolean attacks, Duration progressInterval,
                                 List<DeviceProtocol> protocols, Optional<String> connectWorkspace) {
    public static final int MAX_DEVICES = 10_000;
    public static final int MAX_HUBS = 100;
    public static final int MAX_SUBSCRIPTIONS = 100;
    public static final Duration MAX_DURATION = Duration.ofHours(24);
    public static final int MAX_RATE = 1_000_000;
    public static final int MAX_EVENTS_PER_MESSAGE = 500;
    public static final int MAX_IN_FLIGHT = 64;
    /** Even-numbered devices on MQTT, odd-numbered ones on HTTPS. */
    public static final List<DeviceProtocol> MIXED = List.of(DeviceProtocol.MQTT, DeviceProtocol.HTTPS);

    public SimulationSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(mqttHost, "mqttHost");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(progressInterval, "progressInterval");
        Objects.requireNonNull(connectWorkspace, "connectWorkspace");
        protocols = List.copyOf(protocols);
        if (protocols.isEmpty()) {
            throw new SimulatorException(SimulatorException.INVALID_SETTINGS, "at least one device protocol is needed");
        }
        check(devices, 1, MAX_DEVICES, "devices");
        check(hubs, 1, Math.min(MAX_HUBS, devices), "hubs");
        check(subscriptions, 1, Math.min(MAX_SUBSCRIPTIONS, hubs), "subscriptions");
        check(rate, 0, MAX_RATE, "rate");
        check(triggeredEventsPerMessage, 1, MAX_EVENTS_PER_MESSAGE, "events per message");
        check(inFlightPerDevice, 1, MAX_IN_FLIGHT, "in-flight messages per device");
        check(mqttPort, 1, 65_535, "MQTT port");
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new SimulatorException(SimulatorException.INVALID_SETTINGS, "duration must be above zero and at most " + MAX_DURATION + ", got " + duration);
        }
        if (progressInterval.isNegative() || progressInterval.isZero()) {
            throw new SimulatorException(SimulatorException.INVALID_SETTINGS, "progress interval must be above zero");
        }
    }

    /** A small fleet with the defaults of {@code vigil simulate}. */
    public static SimulationSettings defaults(URI server, String apiKey, int mqttPort) {
        return new SimulationSettings(server, apiKey, "127.0.0.1", mqttPort, "azure-devices.net",
                10, 2, 1, Duration.ofMinutes(1), 20, 3, 4, false, Duration.ofSeconds(5), MIXED, Optional.empty());
    }

    public SimulationSettings withFleet(int devices, int hubs, int subscriptions) {
        return new SimulationSettings(server, apiKey, mqttHost, mqttPort, domain, devices, hubs, subscriptions, duration, rate,
                triggeredEventsPerMessage, inFlightPerDevice, attacks, progressInterval, protocols, connectWorkspace);
    }

    public SimulationSettings withTraffic(Duration duration, int rate, boolean attacks) {
        return new SimulationSettings(server, apiKey, mqttHost, mqttPort, domain, devices, hubs, subscriptions, duration, rate,
                triggeredEventsPerMessage, inFlightPerDevice, attacks, progressInterval, protocols, connectWorkspace);
    }

    public SimulationSettings withBatching(int triggeredEventsPerMessage, int inFlightPerDevice) {
        return new SimulationSettings(server, apiKey, mqttHost, mqttPort, domain, devices, hubs, subscriptions, duration, rate,
                triggeredEventsPerMessage, inFlightPerDevice, attacks, progressInterval, protocols, connectWorkspace);
    }

    public SimulationSettings withProgressInterval(Duration progressInterval) {
        return new SimulationSettings(server, apiKey, mqttHost, mqttPort, domain, devices, hubs, subscriptions, duration, rate,
                triggeredEventsPerMessage, inFlightPerDevice, attacks, progressInterval, protocols, connectWorkspace);
    }

    public SimulationSettings withProtocols(List<DeviceProtocol> protocols) {
        return new SimulationSettings(server, apiKey, mqttHost, mqttPort, domain, devices, hubs, subscriptions, duration, rate,
                triggeredEventsPerMessage, inFlightPerDevice, attacks, progressInterval, protocols, connectWorkspace);
    }

    /** Connects every subscription of the fleet to this workspace once the hubs exist. */
    public SimulationSettings withConnectedWorkspace(String workspaceId) {
        return new SimulationSettings(server, apiKey, mqttHost, mqttPort, domain, devices, hubs, subscriptions, duration, rate,
                triggeredEventsPerMessage, inFlightPerDevice, attacks, progressInterval, protocols, Optional.of(workspaceId));
    }

    private static void check(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new SimulatorException(SimulatorException.INVALID_SETTINGS, what + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
