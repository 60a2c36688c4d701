package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import java.util.List;

/** Every detector, listed once. The catalogue in {@code docs/detections.md} follows this order. */
final class Detectors {
    private Detectors() {
    }

    static List<Detector> all(DetectionOptions options) {
        return List.of(
                new BruteForceDetector(options.bruteForceThreshold(), options.bruteForceWindow()),
                LocalLoginDetector.successful(),
                LocalLoginDetector.failed(),
                new BinaryCommandLineDetector(),
                new DisableFirewallDetector(),
                new PortForwardingDetector(),
                new ReverseShellDetector(),
                new CryptoCoinMinerDetector(),
                new KnownAttackToolDetector(),
                new SuspiciousIpCommunicationDetector(),
                new LocalUserChangesDetector(),
                new BashHistoryClearedDetector(),
                new SystemLogRemovalDetector(),
                new SuspiciousUseraddDetector(),
                new SuspiciousNohupDetector(),
                new DeviceSilentDetector(options.silentAfter()),
                new ActiveConnectionsRangeDetector(options.windowCloseDelay()),
                new ConnectionToIpNotAllowedDetector(),
                new FailedLocalLoginsRangeDetector(options.windowCloseDelay()),
                new LocalUserNotAllowedDetector(),
                new ProcessNotAllowedDetector(),
                new MessageCountRangeDetector(options.windowCloseDelay()),
                new SasTokenDetector(),
                new CertificateDetector(),
                new AgentConfigurationErrorDetector());
    }

    /** The alert types the detectors raise, in catalogue order. */
    static List<AlertDefinition> definitions(List<Detector> detectors) {
        return detectors.stream().flatMap(detector -> detector.definitions().stream()).toList();
    }
}
