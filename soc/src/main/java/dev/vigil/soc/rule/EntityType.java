package dev.vigil.soc.rule;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The entity types a rule can map, with the identifiers each takes (Sentinel's entity mapping list)
 * and the {@code Type} the entity has in {@code SecurityAlert.Entities}.
 */
public enum EntityType {
    Account("account", "Name", "FullName", "NTDomain", "DnsDomain", "UPNSuffix", "Sid", "AadTenantId", "AadUserId", "PUID", "IsDomainJoined",
            "DisplayName", "ObjectGuid"),
    Host("host", "DnsDomain", "NTDomain", "HostName", "FullName", "NetBiosName", "AzureID", "OMSAgentID", "OSFamily", "OSVersion", "IsDomainJoined"),
    IP("ip", "Address"),
    URL("url", "Url"),
    AzureResource("azure-resource", "ResourceId"),
    CloudApplication("cloud-application", "AppId", "Name", "InstanceName"),
    DNS("dns", "DomainName"),
    File("file", "Directory", "Name"),
    FileHash("filehash", "Algorithm", "Value"),
    Process("process", "ProcessId", "CommandLine", "ElevationToken", "CreationTimeUtc"),
    Malware("malware", "Name", "Category"),
    RegistryKey("registry-key", "Hive", "Key"),
    RegistryValue("registry-value", "Name", "Value", "ValueType"),
    SecurityGroup("security-group", "DistinguishedName", "SID", "ObjectGuid"),
    Mailbox("mailbox", "MailboxPrimaryAddress", "DisplayName", "Upn", "ExternalDirectoryObjectId", "RiskLevel"),
    MailCluster("mail-cluster", "NetworkMessageIds", "CountByDeliveryStatus", "CountByThreatType", "CountByProtectionStatus", "Threats", "Query",
            "QueryTime", "MailCount", "IsVolumeAnomaly", "Source", "ClusterSourceIdentifier", "ClusterSourceType", "ClusterQueryStartTime",
            "ClusterQueryEndTime", "ClusterGroup"),
    MailMessage("mail-message", "Recipient", "Urls", "Threats", "Sender", "P1Sender", "P1SenderDisplayName", "P1SenderDomain", "SenderIP",
            "P2Sender", "P2SenderDisplayName", "P2SenderDomain", "ReceivedDate", "NetworkMessageId", "InternetMessageId", "Subject",
            "BodyFingerprintBin1", "BodyFingerprintBin2", "BodyFingerprintBin3", "BodyFingerprintBin4", "BodyFingerprintBin5", "AntispamDirection",
            "DeliveryAction", "DeliveryLocation", "Language", "ThreatDetectionMethods"),
    SubmissionMail("SubmissionMail", "SubmissionId", "SubmissionDate", "Submitter", "NetworkMessageId", "Timestamp", "Recipient", "Sender",
            "SenderIp", "Subject", "ReportType"),
    IoTDevice("iotdevice", "IoTHub", "DeviceId", "DeviceName", "IoTSecurityAgentId", "DeviceType", "Source", "SourceRef", "Manufacturer",
            "Model", "OperatingSystem", "IpAddress", "MacAddress", "Protocols", "SerialNumber");

    private final String entityJsonType;
    private final List<String> identifiers;

    EntityType(String entityJsonType, String... identifiers) {
        this.entityJsonType = entityJsonType;
        this.identifiers = List.of(identifiers);
    }

    /** The {@code Type} of such an entity in {@code SecurityAlert.Entities}, e.g. {@code iotdevice}. */
    public String entityJsonType() {
        return entityJsonType;
    }

    public List<String> identifiers() {
        return identifiers;
    }

    public static Optional<EntityType> named(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
