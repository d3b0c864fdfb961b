package io.stockroom.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway in front of two stand-in producers: balancing, health-based removal, retries of safe requests,
 * streams, correlation ids, forwarded headers and the body ceiling. (Rate limits: {@link GatewayRateLimitIT}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "spring.cloud.loadbalancer.health-check.interval=1s",
        "stockroom.gateway.rate-limit.requests-per-second=10000",
        "stockroom.gateway.rate-limit.burst=10000",
        "stockroom.gateway.request-bytes-max=64KB",
        // Shorter than a whole stream (2 s): proves the timeout bounds silence, not a body.
        "stockroom.gateway.upstream.read-timeout=1s",
        "LOG_FORMAT=text"})
class GatewayRoutingIT {

    private static final StubProducer FIRST = new StubProducer("first");
    private static final StubProducer SECOND = new StubProducer("second");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void producers(DynamicPropertyRegistry registry) {
        registry.add("stockroom.gateway.producer-urls", () -> FIRST.url() + "," + SECOND.url());
    }

    @AfterAll
    static void stopProducers() {
        FIRST.close();
        SECOND.close();
    }

    @BeforeEach
    void bothReady() {
        FIRST.ready(true);
        SECOND.ready(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> instancesAnswering(10).size() == 2);
    }

    @Test
    void requestsAreSpreadOverEveryReadyInstance() {
        assertThat(instancesAnswering(10)).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void anInstanceThatTurnsUnreadyLeavesTheRotationAndReturnsWhenReady() {
        SECOND.ready(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> instancesAnswering(10).equals(Set.of("first")));
        // Once out, it stays out: twenty requests in a row all land on the ready one.
        assertThat(instancesAnswering(20)).containsExactly("first");

        SECOND.ready(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> instancesAnswering(10).size() == 2);
    }

    @Test
    void safeRequestsKeepSucceedingWhenAnInstanceDiesBetweenTwoHealthChecks() {
        SECOND.kill();
        try {
            // Straight away, before any health check noticed: each refused connection is retried on the other one.
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(get("/api/whoami").statusCode());
            }
            assertThat(statuses).containsOnly(200);
            assertThat(instancesAnswering(10)).containsExactly("first");
        } finally {
            SECOND.restart();
        }
    }

    @Test
    void aPostToAnInstanceThatDiedIsNeverReplayedWithoutItsBody() throws Exception {
        // The instance takes the body, then dies before answering: the gateway must not send the request again.
        SECOND.dieAfterReadingBody(true);
        try {
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> response = send(request("/api/orders").header("Content-Type",
                        "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1000])));
                // Reached the live instance whole, or failed visibly for the client to retry: nothing in between.
                assertThat(response.statusCode()).isIn(200, 502);
                if (response.statusCode() == 200) {
                    assertThat(JSON.readTree(response.body()).get("bodyBytes").asInt()).isEqualTo(1000);
                }
            }
        } finally {
            SECOND.dieAfterReadingBody(false);
        }
    }

    @Test
    void theGatewayAnswersWithAProblemWhenNoInstanceIsReady() throws Exception {
        FIRST.ready(false);
        SECOND.ready(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> get("/api/whoami").statusCode() == 503);
        HttpResponse<String> response = get("/api/whoami");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(503);
    }

    @Test
    void actuatorPathsOnThePublicPortReachNeitherTheGatewaysNorAProducersActuator() {
        int before = FIRST.requests() + SECOND.requests();
        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(get("/actuator").statusCode()).isEqualTo(404);
        assertThat(FIRST.requests() + SECOND.requests()).isEqualTo(before);
    }

    @Test
    void theClientsCorrelationIdTravelsToTheProducerAndBack() throws Exception {
        HttpResponse<String> response = send(request("/api/whoami").header("X-Correlation-Id", "order-42.attempt:1")
                .GET());
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("order-42.attempt:1");
        assertThat(JSON.readTree(response.body()).get("correlationId").asString()).isEqualTo("order-42.attempt:1");
    }

    @Test
    void aMissingOrImplausibleCorrelationIdIsReplacedWithAFreshOne() throws Exception {
        HttpResponse<String> response = send(request("/api/whoami")
                .header("X-Correlation-Id", "x\" injected=1 " + "y".repeat(80)).GET());
        String id = response.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(JSON.readTree(response.body()).get("correlationId").asString()).isEqualTo(id);
    }

    @Test
    void theProducerSeesTheAddressTheGatewaySawAndTheBrowsersHostNeverWhatTheClientClaimed() throws Exception {
        HttpResponse<String> response = send(request("/shop").header("X-Forwarded-For", "203.0.113.9").GET());
        JsonNode echo = JSON.readTree(response.body());
        assertThat(echo.get("forwardedFor").asString()).isEqualTo("127.0.0.1");
        assertThat(echo.get("host").asString()).isEqualTo("localhost:" + port);
    }

    @Test
    void aBodyDeclaredLargerThanTheCeilingIsRefusedBeforeAnyProducerSeesIt() throws Exception {
        int before = FIRST.requests() + SECOND.requests();
        HttpResponse<String> response = send(request("/api/imports/items").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[65 * 1024])));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(413);
        assertThat(FIRST.requests() + SECOND.requests()).isEqualTo(before);
    }

    @Test
    void aStreamedBodyIsCutOffWhenItPassesTheCeiling() throws Exception {
        // An input stream has no declared length: the body goes chunked, so only counting can catch it.
        HttpResponse<String> response = send(request("/api/imports/items").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[80 * 1024]))));
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void aBodyUnderTheCeilingReachesTheProducerWhole() throws Exception {
        HttpResponse<String> response = send(request("/api/orders").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[60 * 1024])));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("bodyBytes").asInt()).isEqualTo(60 * 1024);
    }

    @Test
    void serverSentEventsArriveOneByOneAndOutliveTheReadTimeout() throws Exception {
        HttpResponse<InputStream> response = HTTP.send(request("/api/orders/stream")
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long started = System.nanoTime();
        List<Long> arrivals = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    arrivals.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                }
            }
        }
        assertThat(arrivals).hasSize(StubProducer.STREAM_EVENTS);
        long streamMillis = (StubProducer.STREAM_EVENTS - 1) * StubProducer.STREAM_EVENT_INTERVAL_MILLIS;
        // The first event came long before the last one was written: nothing buffered the stream.
        assertThat(arrivals.getFirst()).isLessThan(streamMillis / 2);
        // And the whole stream (2 s) outlived the 1 s read timeout, which bounds only silence between chunks.
        assertThat(arrivals.getLast()).isGreaterThanOrEqualTo(streamMillis - 100);
    }

    private Set<String> instancesAnswering(int requests) {
        Set<String> instances = new HashSet<>();
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> response = get("/api/whoami");
            if (response.statusCode() == 200) {
                instances.add(JSON.readTree(response.body()).get("instance").asString());
            }
        }
        return instances;
    }

    private HttpResponse<String> get(String path) {
        try {
            return send(request(path).GET());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
