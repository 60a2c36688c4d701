package dev.vigil.soc.playbook.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vigil.soc.outbound.HttpDestinations;
import dev.vigil.soc.outbound.HttpStepAllowList;
import dev.vigil.soc.playbook.PlaybookStep;
import dev.vigil.soc.playbook.StepHeader;
import dev.vigil.soc.playbook.StepPolicy;
import dev.vigil.soc.playbook.expression.Bindings;
import dev.vigil.soc.playbook.expression.Template;
import dev.vigil.soc.testing.WebhookReceiver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connection of an {@code http} step goes to the addresses its check resolved (a name that
 * answers differently the next time is not asked again), and a redirect to another origin does not
 * carry the step's credentials; a real receiver on loopback, names answered by the test.
 */
class TestHttpCalls {
    private final WebhookReceiver receiver = new WebhookReceiver();
    private final AtomicInteger lookups = new AtomicInteger();

    @AfterEach
    void close() {
        receiver.close();
    }

    /** Names under {@code .test}: the first lookup answers loopback (allowed), every later one a metadata address (refused). */
    private InetAddress[] rebinding(String host) throws UnknownHostException {
        if (!host.endsWith(".test")) {
            return InetAddress.getAllByName(host);
        }
        return new InetAddress[] {InetAddress.getByAddress(host, lookups.incrementAndGet() == 1 ? new byte[] {127, 0, 0, 1}
                : new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254})};
    }

    private HttpCalls calls() {
        return new HttpCalls(new HttpDestinations(HttpStepAllowList.parse(List.of(receiver.address())), this::rebinding));
    }

    private static JsonNode send(HttpCalls calls, String url, Map<String, String> headers) {
        Map<Template, JsonNode> values = new LinkedHashMap<>();
        Template target = Template.literal(url);
        values.put(target, TextNode.valueOf(url));
        Map<String, Template> stepHeaders = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            Template template = Template.literal(value);
            stepHeaders.put(name, template);
            values.put(template, TextNode.valueOf(value));
        });
        PlaybookStep.HttpRequest step = new PlaybookStep.HttpRequest(new StepHeader("call", "steps[0]", Optional.empty(), StepPolicy.defaults(),
                JsonNodeFactory.instance.objectNode()), "GET", target, stepHeaders, Optional.empty());
        StepCall call = new StepCall("w", "run-1", "call", "run-1/call", "Playbook - test", Optional.empty(), values::get, SecretValues.none(),
                Optional.empty(), Bindings.none(), Duration.ofSeconds(10));
        return calls.send(step, call);
    }

    @Test
    void testTheConnectionGoesToTheAddressTheCheckResolvedWithoutAskingTheNameAgain() {
        String url = receiver.url("/hook").replace("127.0.0.1", "rebind.test");

        JsonNode answer = send(calls(), url, Map.of());

        assertThat(answer.get("status").asInt()).isEqualTo(200);
        assertThat(receiver.received("/hook")).hasSize(1);
        // one lookup: a second, by the connection, would have answered the refused address
        assertThat(lookups).hasValue(1);
        assertThatThrownBy(() -> send(calls(), url, Map.of())).isInstanceOf(StepFailedException.class)
                .hasMessageContaining("rebind.test resolves to 169.254.169.254, a link-local address");
        assertThat(receiver.received("/hook")).hasSize(1);
    }

    @Test
    void testARedirectToAnotherOriginDropsTheCredentialsAndOneOnTheSameOriginKeepsThem() {
        receiver.redirect("/same", receiver.url("/landed-same"));
        receiver.redirect("/away", receiver.url("/landed-away").replace("127.0.0.1", "other.test"));
        Map<String, String> headers = Map.of("Authorization", "Bearer s3cret", "Cookie", "session=1", "X-Trace", "t-1");

        send(calls(), receiver.url("/same"), headers);
        send(calls(), receiver.url("/away"), headers);

        WebhookReceiver.Received same = receiver.received("/landed-same").get(0);
        assertThat(same.header("Authorization")).isEqualTo("Bearer s3cret");
        assertThat(same.header("Cookie")).isEqualTo("session=1");
        WebhookReceiver.Received away = receiver.received("/landed-away").get(0);
        assertThat(away.header("Authorization")).isNull();
        assertThat(away.header("Cookie")).isNull();
        assertThat(away.header("X-Trace")).isEqualTo("t-1");
        assertThat(away.header(HttpCalls.IDEMPOTENCY_KEY)).isEqualTo("run-1/call");
        assertThat(receiver.received("/away").get(0).header("Authorization")).isEqualTo("Bearer s3cret");
    }
}
