package dev.vigil.iot.endpoint.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.twin.InvalidTwinPatchException;
import dev.vigil.iot.twin.TwinException;
import dev.vigil.iot.twin.Twins;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The twin requests of one MQTT connection ({@code $iothub/twin/GET} and
 * {@code $iothub/twin/PATCH/properties/reported}), answered in the order they came: reads from
 * memory on the connection's event loop, patches stored by the {@link ReportedPatchWriter} off it.
 * A refused patch is answered with IoT Hub's status and {@code {"errorCode","message"}}.
 */
final class TwinRequests {
    private static final Logger LOG = LoggerFactory.getLogger(TwinRequests.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Twins twins;
    private final ReportedPatchWriter writer;
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);

    /** What the device is told on {@code $iothub/twin/res/{status}/?$rid=...}. */
    record Reply(int status, byte[] body, Optional<Long> version) {
        static Reply error(TwinException e) {
            ObjectNode error = JSON.createObjectNode().put("errorCode", e.iotHubErrorCode()).put("message", e.getMessage());
            return new Reply(e.status(), error.toString().getBytes(StandardCharsets.UTF_8), Optional.empty());
        }
    }

    TwinRequests(Twins twins, ReportedPatchWriter writer) {
        this.twins = twins;
        this.writer = writer;
    }

    /**
     * Takes one request; {@code answer} gets the reply on the event loop {@code eventLoop}.
     * Called on that event loop.
     *
     * @return completes once the reply was handed over
     */
    CompletableFuture<Void> take(DeviceAddress address, boolean get, byte[] body, Executor eventLoop, Consumer<Reply> answer) {
        CompletableFuture<Void> answered = previous.thenComposeAsync(ignored -> get ? CompletableFuture.completedFuture(read(address))
                : patchReported(address, body), eventLoop).thenAcceptAsync(answer, eventLoop);
        previous = answered.exceptionally(failure -> null);
        return answered;
    }

    private Reply read(DeviceAddress address) {
        return new Reply(200, twins.twin(address).deviceView().toString().getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    private CompletableFuture<Reply> patchReported(DeviceAddress address, byte[] body) {
        JsonNode patch;
        try {
            patch = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            // the parser's own words without its excerpt of the body
            return CompletableFuture.completedFuture(Reply.error(new InvalidTwinPatchException("the reported properties patch is not JSON: "
                    + e.getOriginalMessage())));
        } catch (IOException e) {
            return CompletableFuture.completedFuture(Reply.error(new InvalidTwinPatchException("the reported properties patch could not be read: "
                    + e.getMessage())));
        }
        return writer.write(address, patch).thenApply(outcome -> {
            if (outcome.refusal() != null) {
                LOG.info("refused a reported properties patch of {}: {} ({})", address, outcome.refusal().getMessage(), outcome.refusal().status());
                return Reply.error(outcome.refusal());
            }
            return new Reply(204, new byte[0], Optional.of(outcome.twin().reported().version()));
        });
    }
}
