package dev.vigil.soc.playbook.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.iot.alert.AlertStatus;
import dev.vigil.iot.alert.IotAlert;
import dev.vigil.iot.alert.IotAlertException;
import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.method.DirectMethodException;
import dev.vigil.iot.method.DirectMethodRequest;
import dev.vigil.iot.method.DirectMethodResult;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.RegistryException;
import dev.vigil.soc.playbook.PlaybookStep;
import dev.vigil.soc.playbook.expression.Template;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Device steps, through the iot module's device actions. A cloud-to-device message carries the
 * step's key as its {@code messageId}, so that a device can drop a message sent again by a retry.
 */
final class DeviceSteps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<DeviceServices> devices;

    DeviceSteps(Optional<DeviceServices> devices) {
        this.devices = devices;
    }

    JsonNode disable(PlaybookStep.DisableDevice step, StepCall call) {
        IotHub hub = hub(step.hub(), call);
        String deviceId = call.text(step.deviceId());
        try {
            Device device = services().actions().disable(hub, deviceId);
            return device(hub, device.deviceId(), device.status().text());
        } catch (RegistryException e) {
            throw new StepFailedException(e.getMessage(), e);
        }
    }

    JsonNode message(PlaybookStep.SendDeviceMessage step, StepCall call) {
        IotHub hub = hub(step.hub(), call);
        String deviceId = call.text(step.deviceId());
        JsonNode body = step.body().render(call.values());
        String text = call.secrets().reveal(body.isTextual() ? body.textValue() : body.toString());
        Map<String, String> properties = new LinkedHashMap<>();
        step.properties().forEach((name, value) -> properties.put(name, call.text(value)));
        properties.put("messageId", call.idempotencyKey());
        try {
            boolean live = services().actions().sendCloudToDeviceMessage(hub, deviceId, text.getBytes(StandardCharsets.UTF_8), properties);
            ObjectNode output = device(hub, deviceId, null);
            output.put("delivered", live);
            output.put("messageId", call.idempotencyKey());
            return output;
        } catch (RegistryException e) {
            throw new StepFailedException(e.getMessage(), e);
        }
    }

    JsonNode tags(PlaybookStep.SetDeviceTags step, StepCall call) {
        IotHub hub = hub(step.hub(), call);
        String deviceId = call.text(step.deviceId());
        Map<String, String> tags = new LinkedHashMap<>();
        step.tags().forEach((name, value) -> tags.put(name, call.text(value)));
        try {
            Device device = services().actions().setTags(hub, deviceId, tags);
            ObjectNode output = device(hub, device.deviceId(), null);
            ObjectNode set = output.putObject("tags");
            device.tags().forEach(set::put);
            return output;
        } catch (RegistryException e) {
            throw new StepFailedException(e.getMessage(), e);
        }
    }

    /** The device's status and tags; {@code found} false (not a failure) for a device the hub does not have, so that a loop goes on. */
    JsonNode get(PlaybookStep.GetDevice step, StepCall call) {
        IotHub hub = hub(step.hub(), call);
        String deviceId = call.text(step.deviceId());
        Optional<Device> device = services().registry().findDevice(hub.name(), deviceId);
        ObjectNode output = device(hub, deviceId, device.map(found -> found.status().text()).orElse(null));
        output.put("found", device.isPresent());
        ObjectNode tags = output.putObject("tags");
        device.ifPresent(found -> found.tags().forEach(tags::put));
        return output;
    }

    JsonNode alertStatus(PlaybookStep.SetAlertStatus step, StepCall call) {
        String alertId = call.text(step.alertId());
        AlertStatus status;
        try {
            status = AlertStatus.fromSentinelName(call.text(step.status()));
        } catch (IllegalArgumentException e) {
            throw new StepFailedException(e.getMessage(), e);
        }
        try {
            IotAlert alert = services().alerts().changeStatus(alertId, status);
            ObjectNode output = JsonNodeFactory.instance.objectNode();
            output.put("alertId", alert.alertId());
            output.put("status", alert.status().sentinelName());
            return output;
        } catch (IotAlertException e) {
            throw new StepFailedException(e.getMessage(), e);
        }
    }

    /**
     * Calls the method and waits for the device's answer, whatever its status (the output says it);
     * a device that is offline or does not answer in time fails the attempt, which retries may repeat.
     */
    JsonNode invokeMethod(PlaybookStep.InvokeDirectMethod step, StepCall call) {
        IotHub hub = hub(step.hub(), call);
        String deviceId = call.text(step.deviceId());
        Optional<String> moduleId = step.moduleId().map(call::text).filter(module -> !module.isEmpty());
        if (services().registry().findDevice(hub.name(), deviceId).isEmpty()) {
            throw new StepFailedException("IoT hub '" + hub.name() + "' has no device '" + deviceId + "'");
        }
        if (moduleId.isPresent() && services().registry().findModule(hub.name(), deviceId, moduleId.get()).isEmpty()) {
            throw new StepFailedException("device '" + deviceId + "' of IoT hub '" + hub.name() + "' has no module '" + moduleId.get() + "'");
        }
        DirectMethodRequest request;
        try {
            request = DirectMethodRequest.of(call.text(step.methodName()), payload(step, call), step.responseTimeoutSeconds(), 0);
        } catch (DirectMethodException e) {
            throw new StepFailedException(e.getMessage(), e);
        }
        DirectMethodResult result;
        try {
            result = services().methods().invoke(new DeviceAddress(hub.name(), deviceId, moduleId), request)
                    .get(request.responseTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new StepFailedException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new StepFailedException("the device did not answer method '" + request.methodName() + "' within " + request.responseTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailedException("stopped while waiting for the device's answer to method '" + request.methodName() + "'", e);
        }
        ObjectNode output = device(hub, deviceId, null);
        moduleId.ifPresent(module -> output.put("moduleId", module));
        output.put("methodName", request.methodName());
        output.put("status", result.status());
        output.set("payload", result.payload());
        return output;
    }

    /** The payload rendered, its secrets revealed (as a message body's are); JSON null when the step gives none. */
    private static JsonNode payload(PlaybookStep.InvokeDirectMethod step, StepCall call) {
        if (step.payload().isEmpty()) {
            return NullNode.instance;
        }
        JsonNode rendered = step.payload().get().render(call.values());
        String revealed = call.secrets().reveal(rendered.toString());
        try {
            return JSON.readTree(revealed);
        } catch (JsonProcessingException e) {
            throw new StepFailedException("the payload is not JSON once its secrets are put in: " + e.getOriginalMessage(), e);
        }
    }

    /** The hub by its name, or by its resource id ({@code .../IotHubs/{name}}, as an {@code iotdevice} entity names it). */
    private IotHub hub(Template hub, StepCall call) {
        String given = call.text(hub);
        String name = given.substring(given.lastIndexOf('/') + 1);
        return services().registry().findHub(name).orElseThrow(() -> new StepFailedException("there is no IoT hub '" + given + "'"));
    }

    private DeviceServices services() {
        return devices.orElseThrow(() -> new StepFailedException("device actions are not available on this server"));
    }

    private static ObjectNode device(IotHub hub, String deviceId, String status) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("hub", hub.name());
        output.put("deviceId", deviceId);
        if (status != null) {
            output.put("status", status);
        }
        return output;
    }
}
