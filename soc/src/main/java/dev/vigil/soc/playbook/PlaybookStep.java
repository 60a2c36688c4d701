package dev.vigil.soc.playbook;

import dev.vigil.soc.playbook.expression.Expression;
import dev.vigil.soc.playbook.expression.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A step of a playbook, by the {@code type} the document gives it. Text values are
 * {@link Template}s; conditions and the items of a loop are {@link Expression}s.
 */
public sealed interface PlaybookStep {

    StepHeader header();

    /** The document's name of the step's type. */
    String type();

    default String id() {
        return header().id();
    }

    /** The templates the step's values are made of: evaluated together, in one query, before the step runs. */
    List<Template> templates();

    /** {@code http}: a request; its output is the status, and the body (as JSON when it is JSON). Carries an {@code Idempotency-Key}. */
    record HttpRequest(StepHeader header, String method, Template url, Map<String, Template> headers, Optional<TemplateTree> body)
            implements PlaybookStep {
        public HttpRequest {
            headers = Map.copyOf(headers);
        }

        public String type() {
            return "http";
        }

        public List<Template> templates() {
            List<Template> all = new ArrayList<>(List.of(url));
            all.addAll(headers.values());
            body.ifPresent(tree -> all.addAll(tree.templates()));
            return all;
        }
    }

    /** {@code email}: a mail over the playbook's SMTP connection; {@code to} is one or more addresses separated by commas or semicolons. */
    record SendEmail(StepHeader header, Template to, Template subject, Template body) implements PlaybookStep {
        public String type() {
            return "email";
        }

        public List<Template> templates() {
            return List.of(to, subject, body);
        }
    }

    /**
     * {@code updateIncident}: what is given is set on the run's incident; labels are added.
     * Values are Sentinel's names ({@code High}, {@code Closed}, {@code BenignPositive}...).
     */
    record UpdateIncident(StepHeader header, Optional<Template> severity, Optional<Template> status, Optional<Template> classification,
            Optional<Template> classificationReason, Optional<Template> classificationComment, Optional<Template> owner, List<Template> labels)
            implements PlaybookStep {
        public UpdateIncident {
            labels = List.copyOf(labels);
        }

        public String type() {
            return "updateIncident";
        }

        public List<Template> templates() {
            List<Template> all = new ArrayList<>();
            for (Optional<Template> value : List.of(severity, status, classification, classificationReason, classificationComment, owner)) {
                value.ifPresent(all::add);
            }
            all.addAll(labels);
            return all;
        }
    }

    /** {@code addComment}: a comment on the run's incident. */
    record AddComment(StepHeader header, Template message) implements PlaybookStep {
        public String type() {
            return "addComment";
        }

        public List<Template> templates() {
            return List.of(message);
        }
    }

    /** {@code addTask}: a task on the run's incident. */
    record AddTask(StepHeader header, Template title, Optional<Template> description) implements PlaybookStep {
        public String type() {
            return "addTask";
        }

        public List<Template> templates() {
            return description.map(d -> List.of(title, d)).orElse(List.of(title));
        }
    }

    /**
     * {@code query}: a KQL query of the workspace, with the variables in scope bound as {@code let}s;
     * its output is {@code rows} (each an object of column values) and {@code count}, at most {@code maxRows}.
     */
    record RunQuery(StepHeader header, String query, Optional<String> timespan, int maxRows) implements PlaybookStep {
        public static final int MOST_ROWS = 1_000;

        public RunQuery {
            Objects.requireNonNull(query, "query");
        }

        public String type() {
            return "query";
        }

        public List<Template> templates() {
            return List.of();
        }
    }

    /** {@code watchlistLookup}: the item of a watchlist whose {@code SearchKey} equals the key (case-insensitively); output {@code found}, {@code item}. */
    record WatchlistLookup(StepHeader header, Template watchlist, Template key) implements PlaybookStep {
        public String type() {
            return "watchlistLookup";
        }

        public List<Template> templates() {
            return List.of(watchlist, key);
        }
    }

    /** {@code disableDevice}: the device is disabled in its hub and its live connection closed. */
    record DisableDevice(StepHeader header, Template hub, Template deviceId) implements PlaybookStep {
        public String type() {
            return "disableDevice";
        }

        public List<Template> templates() {
            return List.of(hub, deviceId);
        }
    }

    /** {@code sendDeviceMessage}: a cloud-to-device message; a JSON body is sent as JSON text. */
    record SendDeviceMessage(StepHeader header, Template hub, Template deviceId, TemplateTree body, Map<String, Template> properties)
            implements PlaybookStep {
        public SendDeviceMessage {
            properties = Map.copyOf(properties);
        }

        public String type() {
            return "sendDeviceMessage";
        }

        public List<Template> templates() {
            List<Template> all = new ArrayList<>(List.of(hub, deviceId));
            all.addAll(body.templates());
            all.addAll(properties.values());
            return all;
        }
    }

    /** {@code setDeviceTags}: twin tags of the device, set to the given values. */
    record SetDeviceTags(StepHeader header, Template hub, Template deviceId, Map<String, Template> tags) implements PlaybookStep {
        public SetDeviceTags {
            tags = Map.copyOf(tags);
        }

        public String type() {
            return "setDeviceTags";
        }

        public List<Template> templates() {
            List<Template> all = new ArrayList<>(List.of(hub, deviceId));
            all.addAll(tags.values());
            return all;
        }
    }

    /**
     * {@code getDevice}: a device of an IoT hub as the registry has it, its status and tags (a twin's
     * string tags), e.g. to find the production line or site of an incident's device.
     *
     * @param hub the hub's name, or its resource id as an {@code iotdevice} entity's {@code IoTHub} gives it
     */
    record GetDevice(StepHeader header, Template hub, Template deviceId) implements PlaybookStep {
        public String type() {
            return "getDevice";
        }

        public List<Template> templates() {
            return List.of(hub, deviceId);
        }
    }

    /**
     * {@code invokeDirectMethod}: a direct method of a device (or of one of its modules), waiting
     * for the device's answer, whose status and payload are the output.
     *
     * @param responseTimeoutSeconds how long the device has to answer, 5 to 300 seconds
     */
    record InvokeDirectMethod(StepHeader header, Template hub, Template deviceId, Optional<Template> moduleId, Template methodName,
                              Optional<TemplateTree> payload, int responseTimeoutSeconds) implements PlaybookStep {
        public static final int DEFAULT_RESPONSE_TIMEOUT_SECONDS = 30;

        public String type() {
            return "invokeDirectMethod";
        }

        public List<Template> templates() {
            List<Template> all = new ArrayList<>(List.of(hub, deviceId, methodName));
            moduleId.ifPresent(all::add);
            payload.ifPresent(tree -> all.addAll(tree.templates()));
            return all;
        }
    }

    /** {@code setAlertStatus}: an IoT alert's status ({@code New}, {@code InProgress}, {@code Resolved}, {@code Dismissed}), by its id. */
    record SetAlertStatus(StepHeader header, Template alertId, Template status) implements PlaybookStep {
        public String type() {
            return "setAlertStatus";
        }

        public List<Template> templates() {
            return List.of(alertId, status);
        }
    }

    /** {@code compose}: its output is the value, for later steps to use. */
    record Compose(StepHeader header, TemplateTree value) implements PlaybookStep {
        public String type() {
            return "compose";
        }

        public List<Template> templates() {
            return value.templates();
        }
    }

    /** {@code if}: runs {@code then} when the condition holds, {@code otherwise} (the document's {@code else}) when not. */
    record Condition(StepHeader header, Expression condition, List<PlaybookStep> then, List<PlaybookStep> otherwise) implements PlaybookStep {
        public Condition {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }

        public String type() {
            return "if";
        }

        public List<Template> templates() {
            return List.of();
        }
    }

    /**
     * {@code forEach}: runs {@code steps} for each element of the items (a dynamic array), bound as
     * {@code as}, at most {@code limit} of them: a loop always has a bound.
     */
    record ForEach(StepHeader header, Expression items, String as, int limit, List<PlaybookStep> steps) implements PlaybookStep {
        public static final int MOST_ITEMS = 1_000;

        public ForEach {
            steps = List.copyOf(steps);
        }

        public String type() {
            return "forEach";
        }

        public List<Template> templates() {
            return List.of();
        }
    }
}
