package dev.vigil.iot.registry;

import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.StateStore;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Subscriptions, resource groups, IoT hubs, devices and device security groups, kept in the
 * {@link StateStore} and mirrored in memory so that device authentication never waits on storage.
 *
 * <p>Writes are serialised on this object and written through before the mirror changes, so
 * what a reader sees has been stored. Lookups by a path check every level of the path, as ARM does:
 * a hub named in another subscription is "not found".
 */
public final class IotRegistry {
    private final DocumentCollection<Subscription> subscriptionStore;
    private final DocumentCollection<ResourceGroup> groupStore;
    private final DocumentCollection<IotHub> hubStore;
    private final DocumentCollection<Device> deviceStore;
    private final DocumentCollection<DeviceSecurityGroup> securityGroupStore;
    private final DocumentCollection<Module> moduleStore;

    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, ResourceGroup> groups = new ConcurrentHashMap<>();
    private final Map<String, IotHub> hubs = new ConcurrentHashMap<>();
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final Map<String, DeviceSecurityGroup> securityGroups = new ConcurrentHashMap<>();
    private final Map<String, Module> modules = new ConcurrentHashMap<>();
    private final List<DeviceChangeListener> deviceListeners = new CopyOnWriteArrayList<>();
    private final List<ModuleChangeListener> moduleListeners = new CopyOnWriteArrayList<>();

    public IotRegistry(StateStore state) {
        subscriptionStore = state.collection("iot.subscriptions", Subscription.class);
        groupStore = state.collection("iot.resourceGroups", ResourceGroup.class);
        hubStore = state.collection("iot.hubs", IotHub.class);
        deviceStore = state.collection("iot.devices", Device.class);
        securityGroupStore = state.collection("iot.deviceSecurityGroups", DeviceSecurityGroup.class);
        subscriptionStore.list().forEach(s -> subscriptions.put(s.subscriptionId(), s));
        groupStore.list().forEach(g -> groups.put(groupKey(g.subscriptionId(), g.name()), g));
        hubStore.list().forEach(h -> hubs.put(hubKey(h.name()), h));
        deviceStore.list().forEach(d -> devices.put(deviceKey(d.hubName(), d.deviceId()), d));
        securityGroupStore.list().forEach(g -> securityGroups.put(deviceKey(g.hubName(), g.name()), g));
        moduleStore = state.collection("iot.modules", Module.class);
        moduleStore.list().forEach(m -> modules.put(moduleKey(m.hubName(), m.deviceId(), m.moduleId()), m));
    }

    public void addDeviceChangeListener(DeviceChangeListener listener) {
        deviceListeners.add(listener);
    }

    public void addModuleChangeListener(ModuleChangeListener listener) {
        moduleListeners.add(listener);
    }

    // subscriptions

    public synchronized Subscription putSubscription(Subscription subscription) {
        subscriptionStore.put(subscription.subscriptionId(), subscription);
        subscriptions.put(subscription.subscriptionId(), subscription);
        return subscription;
    }

    public Subscription subscription(String subscriptionId) {
        Subscription found = subscriptions.get(subscriptionId);
        if (found == null) {
            throw new ResourceNotFoundException("The subscription '" + subscriptionId + "' could not be found.");
        }
        return found;
    }

    public List<Subscription> subscriptions() {
        return subscriptions.values().stream().sorted(Comparator.comparing(Subscription::subscriptionId)).toList();
    }

    public synchronized void deleteSubscription(String subscriptionId) {
        subscription(subscriptionId);
        if (!resourceGroups(subscriptionId).isEmpty()) {
            throw new ResourceConflictException("The subscription '" + subscriptionId + "' still holds resource groups; delete them first.");
        }
        subscriptionStore.delete(subscriptionId);
        subscriptions.remove(subscriptionId);
    }

    // resource groups

    public synchronized ResourceGroup putResourceGroup(String subscriptionId, String name) {
        subscription(subscriptionId);
        ResourceGroup group = new ResourceGroup(subscriptionId, name);
        groupStore.put(groupKey(subscriptionId, name), group);
        groups.put(groupKey(subscriptionId, name), group);
        return group;
    }

    public ResourceGroup resourceGroup(String subscriptionId, String name) {
        subscription(subscriptionId);
        ResourceGroup found = groups.get(groupKey(subscriptionId, name));
        if (found == null) {
            throw new ResourceNotFoundException("Resource group '" + name + "' could not be found in subscription '" + subscriptionId + "'.");
        }
        return found;
    }

    public List<ResourceGroup> resourceGroups(String subscriptionId) {
        subscription(subscriptionId);
        return groups.values().stream().filter(g -> g.subscriptionId().equals(subscriptionId))
                .sorted(Comparator.comparing(ResourceGroup::name)).toList();
    }

    public synchronized void deleteResourceGroup(String subscriptionId, String name) {
        resourceGroup(subscriptionId, name);
        if (!hubs(subscriptionId, name).isEmpty()) {
            throw new ResourceConflictException("Resource group '" + name + "' still holds IoT hubs; delete them first.");
        }
        groupStore.delete(groupKey(subscriptionId, name));
        groups.remove(groupKey(subscriptionId, name));
    }

    // hubs

    /** Creates the hub, or replaces its security settings when it exists at this path. */
    public synchronized IotHub putHub(String subscriptionId, String resourceGroup, String name, HubSecuritySettings security) {
        resourceGroup(subscriptionId, resourceGroup);
        IotHub hub = new IotHub(subscriptionId, resourceGroup, name, security);
        IotHub existing = hubs.get(hubKey(name));
        if (existing != null && !(existing.subscriptionId().equals(subscriptionId) && existing.resourceGroup().equals(resourceGroup))) {
            throw new ResourceConflictException("The IoT hub name '" + name + "' is already taken: hub names are host names and unique.");
        }
        hubStore.put(hubKey(name), hub);
        hubs.put(hubKey(name), hub);
        return hub;
    }

    public IotHub hub(String subscriptionId, String resourceGroup, String name) {
        resourceGroup(subscriptionId, resourceGroup);
        IotHub found = hubs.get(hubKey(name));
        if (found == null || !found.subscriptionId().equals(subscriptionId) || !found.resourceGroup().equals(resourceGroup)) {
            throw new ResourceNotFoundException("The IoT hub '" + name + "' could not be found in resource group '" + resourceGroup + "'.");
        }
        return found;
    }

    /** The hub of this name, case-insensitively, wherever it sits. */
    public Optional<IotHub> findHub(String name) {
        return Optional.ofNullable(hubs.get(hubKey(name)));
    }

    public List<IotHub> hubs(String subscriptionId, String resourceGroup) {
        return hubs.values().stream()
                .filter(h -> h.subscriptionId().equals(subscriptionId) && h.resourceGroup().equals(resourceGroup))
                .sorted(Comparator.comparing(IotHub::name)).toList();
    }

    public List<IotHub> allHubs() {
        return hubs.values().stream().sorted(Comparator.comparing(IotHub::name)).toList();
    }

    public synchronized IotHub putSecuritySettings(String subscriptionId, String resourceGroup, String hubName, HubSecuritySettings settings) {
        IotHub updated = hub(subscriptionId, resourceGroup, hubName).withSecurity(settings);
        hubStore.put(hubKey(hubName), updated);
        hubs.put(hubKey(hubName), updated);
        return updated;
    }

    /** Deletes the hub with its devices and device security groups. */
    public synchronized void deleteHub(String subscriptionId, String resourceGroup, String name) {
        IotHub hub = hub(subscriptionId, resourceGroup, name);
        for (Device device : devices(hub)) {
            removeDevice(device);
        }
        for (DeviceSecurityGroup group : deviceSecurityGroups(hub)) {
            securityGroupStore.delete(deviceKey(hub.name(), group.name()));
            securityGroups.remove(deviceKey(hub.name(), group.name()));
        }
        hubStore.delete(hubKey(name));
        hubs.remove(hubKey(name));
    }

    // devices

    /**
     * Creates the device with fresh keys, or updates the status and tags of the existing one
     * (its keys stay).
     */
    public synchronized Device putDevice(IotHub hub, String deviceId, DeviceStatus status, Map<String, String> tags) {
        Optional<Device> existing = findDevice(hub.name(), deviceId);
        Device device = existing
                .map(d -> new Device(d.hubName(), deviceId, status, d.primaryKey(), d.secondaryKey(), tags == null ? d.tags() : tags))
                .orElseGet(() -> new Device(hub.name(), deviceId, status, DeviceKeys.generate(), DeviceKeys.generate(), tags));
        store(device);
        existing.ifPresent(before -> notifyChange(before, Optional.of(device)));
        return device;
    }

    public Device device(IotHub hub, String deviceId) {
        return findDevice(hub.name(), deviceId).orElseThrow(() ->
                new ResourceNotFoundException("The device '" + deviceId + "' could not be found on IoT hub '" + hub.name() + "'."));
    }

    /** The device of this hub (hub name compared case-insensitively, device id exactly). */
    public Optional<Device> findDevice(String hubName, String deviceId) {
        return Optional.ofNullable(devices.get(deviceKey(hubName, deviceId)));
    }

    public List<Device> devices(IotHub hub) {
        String prefix = hubKey(hub.name()) + "/";
        return devices.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                .sorted(Comparator.comparing(Device::deviceId)).toList();
    }

    public synchronized Device setDeviceStatus(IotHub hub, String deviceId, DeviceStatus status) {
        Device before = device(hub, deviceId);
        Device after = before.withStatus(status);
        store(after);
        notifyChange(before, Optional.of(after));
        return after;
    }

    /** Merges the tags into the device's twin tags; a null value removes a tag. */
    public synchronized Device setTags(IotHub hub, String deviceId, Map<String, String> changes) {
        Device before = device(hub, deviceId);
        Map<String, String> merged = new java.util.HashMap<>(before.tags());
        changes.forEach((name, value) -> {
            if (value == null) {
                merged.remove(name);
            } else {
                merged.put(name, value);
            }
        });
        Device after = before.withTags(merged);
        store(after);
        notifyChange(before, Optional.of(after));
        return after;
    }

    /**
     * Replaces one of the device's keys with a fresh one: tokens signed with the old key stop
     * working, and listeners close the device's live connections (it reconnects with a key it still has).
     */
    public synchronized Device regenerateKey(IotHub hub, String deviceId, DeviceKeyType keyType) {
        Device before = device(hub, deviceId);
        Device after = keyType == DeviceKeyType.PRIMARY
                ? before.withKeys(DeviceKeys.generate(), before.secondaryKey())
                : before.withKeys(before.primaryKey(), DeviceKeys.generate());
        store(after);
        notifyChange(before, Optional.of(after));
        return after;
    }

    public synchronized void deleteDevice(IotHub hub, String deviceId) {
        removeDevice(device(hub, deviceId));
    }

    /** Where the device sits, as the detection engine sees it. */
    public DeviceIdentity identity(IotHub hub, Device device) {
        return new DeviceIdentity(hub.subscriptionId(), hub.resourceGroup(), hub.name(), hub.resourceId(), device.deviceId(), device.securityGroup());
    }

    // device security groups

    public synchronized DeviceSecurityGroup putDeviceSecurityGroup(DeviceSecurityGroup group) {
        securityGroupStore.put(deviceKey(group.hubName(), group.name()), group);
        securityGroups.put(deviceKey(group.hubName(), group.name()), group);
        return group;
    }

    public DeviceSecurityGroup deviceSecurityGroup(IotHub hub, String name) {
        return findDeviceSecurityGroup(hub.name(), name).orElseThrow(() ->
                new ResourceNotFoundException("The device security group '" + name + "' could not be found on IoT hub '" + hub.name() + "'."));
    }

    public Optional<DeviceSecurityGroup> findDeviceSecurityGroup(String hubName, String name) {
        return Optional.ofNullable(securityGroups.get(deviceKey(hubName, name)));
    }

    public List<DeviceSecurityGroup> deviceSecurityGroups(IotHub hub) {
        String prefix = hubKey(hub.name()) + "/";
        return securityGroups.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                .sorted(Comparator.comparing(DeviceSecurityGroup::name)).toList();
    }

    public synchronized void deleteDeviceSecurityGroup(IotHub hub, String name) {
        deviceSecurityGroup(hub, name);
        securityGroupStore.delete(deviceKey(hub.name(), name));
        securityGroups.remove(deviceKey(hub.name(), name));
    }

    private void store(Device device) {
        deviceStore.put(deviceKey(device.hubName(), device.deviceId()), device);
        devices.put(deviceKey(device.hubName(), device.deviceId()), device);
    }

    // modules

    /** IoT Hub's limit on the module identities of one device. */
    public static final int MAX_MODULES_PER_DEVICE = 50;

    /** Creates the module with fresh keys, or sets the status of the existing one (its keys stay). */
    public synchronized Module putModule(IotHub hub, String deviceId, String moduleId, DeviceStatus status) {
        device(hub, deviceId);
        Optional<Module> existing = findModule(hub.name(), deviceId, moduleId);
        if (existing.isEmpty() && modules(hub, deviceId).size() >= MAX_MODULES_PER_DEVICE) {
            throw new ResourceConflictException("The device '" + deviceId + "' already has " + MAX_MODULES_PER_DEVICE
                    + " module identities, the most IoT Hub allows; delete one first.");
        }
        Module module = existing.map(m -> m.withStatus(status))
                .orElseGet(() -> new Module(hub.name(), deviceId, moduleId, status, DeviceKeys.generate(), DeviceKeys.generate()));
        storeModule(module);
        existing.ifPresent(before -> notifyModuleChange(before, Optional.of(module)));
        return module;
    }

    public Module module(IotHub hub, String deviceId, String moduleId) {
        device(hub, deviceId);
        return findModule(hub.name(), deviceId, moduleId).orElseThrow(() -> new ResourceNotFoundException(
                "The module '" + moduleId + "' could not be found on device '" + deviceId + "' of IoT hub '" + hub.name() + "'."));
    }

    /** The module of this device (hub name compared case-insensitively, ids exactly). */
    public Optional<Module> findModule(String hubName, String deviceId, String moduleId) {
        return Optional.ofNullable(modules.get(moduleKey(hubName, deviceId, moduleId)));
    }

    public List<Module> modules(IotHub hub, String deviceId) {
        String prefix = deviceKey(hub.name(), deviceId) + "/";
        return modules.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                .sorted(Comparator.comparing(Module::moduleId)).toList();
    }

    public synchronized Module setModuleStatus(IotHub hub, String deviceId, String moduleId, DeviceStatus status) {
        Module before = module(hub, deviceId, moduleId);
        Module after = before.withStatus(status);
        storeModule(after);
        notifyModuleChange(before, Optional.of(after));
        return after;
    }

    public synchronized void deleteModule(IotHub hub, String deviceId, String moduleId) {
        removeModule(module(hub, deviceId, moduleId));
    }

    private void storeModule(Module module) {
        moduleStore.put(moduleKey(module.hubName(), module.deviceId(), module.moduleId()), module);
        modules.put(moduleKey(module.hubName(), module.deviceId(), module.moduleId()), module);
    }

    private void removeModule(Module module) {
        moduleStore.delete(moduleKey(module.hubName(), module.deviceId(), module.moduleId()));
        modules.remove(moduleKey(module.hubName(), module.deviceId(), module.moduleId()));
        moduleListeners.forEach(listener -> listener.moduleChanged(module, Optional.empty()));
    }

    private void notifyModuleChange(Module before, Optional<Module> after) {
        moduleListeners.forEach(listener -> listener.moduleChanged(before, after));
    }

    private void removeDevice(Device device) {
        String prefix = deviceKey(device.hubName(), device.deviceId()) + "/";
        modules.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).toList()
                .forEach(this::removeModule);
        deviceStore.delete(deviceKey(device.hubName(), device.deviceId()));
        devices.remove(deviceKey(device.hubName(), device.deviceId()));
        notifyChange(device, Optional.empty());
    }

    private void notifyChange(Device before, Optional<Device> after) {
        deviceListeners.forEach(listener -> listener.deviceChanged(before, after));
    }

    private static String groupKey(String subscriptionId, String name) {
        return subscriptionId + "/" + name;
    }

    private static String hubKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String deviceKey(String hubName, String id) {
        return hubKey(hubName) + "/" + id;
    }

    private static String moduleKey(String hubName, String deviceId, String moduleId) {
        return deviceKey(hubName, deviceId) + "/" + moduleId;
    }
}
