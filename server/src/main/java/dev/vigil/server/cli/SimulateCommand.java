package dev.vigil.server.cli;

import dev.vigil.server.IotSettings;
import dev.vigil.server.simulator.Simulation;
import dev.vigil.server.simulator.SimulationReport;
import dev.vigil.server.simulator.SimulationSettings;
import dev.vigil.server.simulator.SimulatorException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Runs a fleet of simulated IoT devices against a Vigil server on this machine.",
                "Creates (or reuses) subscriptions, hubs with security monitoring on and devices through the registry API,",
                "then sends security messages over MQTT and HTTPS with SAS tokens; --attacks plays a scenario for every built-in alert.",
                "Needs a key with Owner on the subscriptions (it reads device keys)."})
final class SimulateCommand implements Callable<Integer> {
    @Mixin
    private ServerConnectionOptions connection = new ServerConnectionOptions();

    @Option(names = "--devices", paramLabel = "N", description = "Devices; even ones speak MQTT, odd ones HTTPS (default: ${DEFAULT-VALUE}, at most 10000).")
    int devices = 10;

    @Option(names = "--hubs", paramLabel = "H", description = "Hubs the devices are spread over (default: ${DEFAULT-VALUE}).")
    int hubs = 2;

    @Option(names = "--subscriptions", paramLabel = "S", description = "Subscriptions the hubs are spread over (default: ${DEFAULT-VALUE}).")
    int subscriptions = 1;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "How long to send: 30s, 5m, 1h or ISO-8601 such as PT90S (default: 1m, at most 24h).")
    Duration duration = Duration.ofMinutes(1);

    @Option(names = "--rate", paramLabel = "R", description = "Messages per second across the fleet; 0 sends as fast as the hub acknowledges (default: ${DEFAULT-VALUE}).")
    int rate = 20;

    @Option(names = "--events-per-message", paramLabel = "N", description = "Triggered events an agent batches into a message (default: ${DEFAULT-VALUE}).")
    int eventsPerMessage = 3;

    @Option(names = "--attacks", description = "Play the attack scenarios (brute force, reverse shell, miner, forged SAS tokens...) after the first baselines.")
    boolean attacks;

    @Option(names = "--connect-workspace", paramLabel = "WS",
            description = "Connect the fleet's subscriptions to this workspace (Defender for IoT data connector, 'Create incidents' on).")
    private String connectWorkspace;

    @Option(names = "--mqtt-host", description = "Host of the server's MQTT listener (default: ${DEFAULT-VALUE}).")
    String mqttHost = "127.0.0.1";

    @Option(names = "--mqtt-port", description = "Plaintext MQTT port of the server (default: ${DEFAULT-VALUE}).")
    int mqttPort = 1883;

    @Option(names = "--iot-domain", paramLabel = "DOMAIN", description = "The server's --iot-domain (default: ${DEFAULT-VALUE}).")
    String iotDomain = IotSettings.DEFAULT_DOMAIN;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (connection.apiKey == null || connection.apiKey.isBlank()) {
            err.println("error: no API key; pass --api-key or set VIGIL_API_KEY");
            err.flush();
            return CommandFailedException.EXIT_UNAUTHORIZED;
        }
        try {
            SimulationSettings settings = new SimulationSettings(connection.server, connection.apiKey, mqttHost, mqttPort, iotDomain,
                    devices, hubs, subscriptions, duration, rate, eventsPerMessage, 4, attacks, Duration.ofSeconds(5), SimulationSettings.MIXED,
                    Optional.ofNullable(connectWorkspace));
            SimulationReport report = Simulation.run(settings, out);
            return report.progress().errors() == 0 ? 0 : 1;
        } catch (SimulatorException e) {
            err.println("error: " + e.getMessage() + " [" + e.code() + "]");
            err.flush();
            return switch (e.code()) {
                case SimulatorException.INVALID_SETTINGS, SimulatorException.NOT_LOOPBACK -> CommandLine.ExitCode.USAGE;
                default -> CommandFailedException.EXIT_REJECTED;
            };
        }
    }

    /** {@code 30s}, {@code 5m}, {@code 2h}, or ISO-8601 ({@code PT90S}). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (text.startsWith("p")) {
                    return Duration.parse(text.toUpperCase(Locale.ROOT));
                }
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                return switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> throw new CommandLine.TypeConversionException("'" + value + "' is not a duration such as 30s, 5m, 1h or PT90S");
                };
            } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration such as 30s, 5m, 1h or PT90S");
            }
        }
    }
}
