package io.stockroom.health;

import io.stockroom.contracts.Topology;
import io.stockroom.monitored.MonitoredApp;
import io.stockroom.support.messaging.TopologyDeclarations;
import io.stockroom.support.signing.MessageSigner;
import io.stockroom.support.test.TestEnvironment;
import io.stockroom.support.test.WithTestInfrastructure;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health service against a real broker (its own vhost), a real MongoDB-wire store, a real AMQP consumer, a real
 * second Spring Boot service and a real webhook receiver, with the production polling periods (queues 2 s,
 * actuators 5 s). Detection times are measured from the moment the consumer or service goes away to the moment the
 * JSON API reports it, and printed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "stockroom.health.viewer.username=viewer", "stockroom.health.viewer.password=test-only-viewer-password",
        "stockroom.actuator.username=" + HealthMonitoringIT.SCRAPER,
        "stockroom.actuator.password=" + HealthMonitoringIT.SCRAPER_PASSWORD})
@WithTestInfrastructure
class HealthMonitoringIT {

    static final String SCRAPER = "scraper";
    static final String SCRAPER_PASSWORD = "test-only-actuator-password";
    private static final String QUEUE = Topology.STOCK_COMMANDS_QUEUE;
    private static final Duration DETECTION_BUDGET = Duration.ofSeconds(5);
    /** Actuators are polled every 5 s: a stopped service is seen at the next poll, plus the request. */
    private static final Duration ACTUATOR_DETECTION_BUDGET = Duration.ofSeconds(7);
    private static final WebhookReceiver webhook = new WebhookReceiver();
    private static final int monitoredPort = freePort();

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    TestEnvironment environment;
    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void monitoredServices(DynamicPropertyRegistry registry) {
        registry.add("stockroom.health.services[0].name", () -> "queue-consumer");
        registry.add("stockroom.health.services[0].queue", () -> QUEUE);
        registry.add("stockroom.health.services[1].name", () -> "web-app");
        registry.add("stockroom.health.services[1].actuator-url", () -> "http://127.0.0.1:" + monitoredPort);
        registry.add("stockroom.health.webhook-url", webhook::url);
    }

    @AfterAll
    static void stopReceiver() {
        webhook.close();
    }

    @Test
    void a_consumer_that_disconnects_is_down_within_five_seconds_and_up_within_five_seconds_after_it_returns()
            throws Exception {
        HealthApi api = viewer();
        declareWorkQueue();
        List<String> received = new CopyOnWriteArrayList<>();
        CachingConnectionFactory consumer = startConsumer(received);
        awaitState(api, "queue-consumer", "UP", Duration.ofSeconds(15));

        long lostAt = System.nanoTime();
        consumer.destroy();
        awaitState(api, "queue-consumer", "DOWN", Duration.ofSeconds(15));
        Duration detectedDown = Duration.ofNanos(System.nanoTime() - lostAt);
        System.out.printf("[health] consumer lost -> DOWN reported after %d ms%n", detectedDown.toMillis());

        for (int i = 0; i < 3; i++) {
            rabbit.convertAndSend("", QUEUE, "waiting-" + i);
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() ->
                api.service("queue-consumer").orElseThrow().path("queueStats").path("ready").asLong() == 3);

        long backAt = System.nanoTime();
        CachingConnectionFactory restarted = startConsumer(received);
        awaitState(api, "queue-consumer", "UP", Duration.ofSeconds(15));
        Duration detectedUp = Duration.ofNanos(System.nanoTime() - backAt);
        System.out.printf("[health] consumer back -> UP reported after %d ms%n", detectedUp.toMillis());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
        restarted.destroy();

        assertThat(detectedDown).isLessThan(DETECTION_BUDGET);
        assertThat(detectedUp).isLessThan(DETECTION_BUDGET);
        assertThat(received).containsExactlyInAnyOrder("waiting-0", "waiting-1", "waiting-2");
        assertTransitionsStoredAndAlerted("queue-consumer");
    }

    @Test
    void a_service_whose_actuator_stops_answering_is_down_and_up_again_once_it_answers() {
        HealthApi api = viewer();
        ConfigurableApplicationContext app = MonitoredApp.start(monitoredPort, monitoredAppProperties());
        try {
            awaitState(api, "web-app", "UP", Duration.ofSeconds(15));
            app.getBean(MonitoredApp.HealthSwitch.class).down(true);
            awaitState(api, "web-app", "DEGRADED", Duration.ofSeconds(10));
            assertThat(api.service("web-app").orElseThrow().path("reason").asString()).contains("switchable");
            app.getBean(MonitoredApp.HealthSwitch.class).down(false);
            awaitState(api, "web-app", "UP", Duration.ofSeconds(10));
        } finally {
            app.close();
        }
        long stoppedAt = System.nanoTime();
        awaitState(api, "web-app", "DOWN", Duration.ofSeconds(15));
        Duration detectedDown = Duration.ofNanos(System.nanoTime() - stoppedAt);
        System.out.printf("[health] service stopped -> DOWN reported after %d ms%n", detectedDown.toMillis());

        long restartedAt = System.nanoTime();
        ConfigurableApplicationContext again = MonitoredApp.start(monitoredPort, monitoredAppProperties());
        Duration startup = Duration.ofNanos(System.nanoTime() - restartedAt);
        try {
            awaitState(api, "web-app", "UP", Duration.ofSeconds(15));
            Duration detectedUp = Duration.ofNanos(System.nanoTime() - restartedAt);
            System.out.printf("[health] service restarted (start-up %d ms) -> UP reported after %d ms%n",
                    startup.toMillis(), detectedUp.toMillis());
            assertThat(detectedDown).isLessThan(ACTUATOR_DETECTION_BUDGET);
            assertThat(detectedUp.minus(startup)).isLessThan(ACTUATOR_DETECTION_BUDGET);
        } finally {
            again.close();
        }
        assertTransitionsStoredAndAlerted("web-app");
    }

    @Test
    void the_page_and_api_need_the_viewer_health_shows_only_its_status_and_metrics_need_the_actuator_account()
            throws Exception {
        HealthApi anonymous = new HealthApi(port, null, null);
        HealthApi wrong = new HealthApi(port, "viewer", "not-the-password");
        HealthApi viewer = viewer();
        HealthApi scraper = new HealthApi(port, SCRAPER, SCRAPER_PASSWORD);

        assertThat(anonymous.get("/").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/api/health").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/api/health/stream").statusCode()).isEqualTo(401);
        assertThat(wrong.get("/api/health/transitions").statusCode()).isEqualTo(401);
        HttpResponse<String> health = anonymous.get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\"").doesNotContain("components").doesNotContain("details");
        assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/metrics").statusCode()).isEqualTo(401);
        HttpResponse<String> closed = anonymous.get("/actuator/prometheus");
        assertThat(closed.statusCode()).isEqualTo(401);
        assertThat(closed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(viewer.get("/actuator/prometheus").statusCode()).as("the viewer is not the actuator account")
                .isEqualTo(401);
        assertThat(scraper.get("/actuator/health").body()).contains("components");
        HttpResponse<String> metrics = scraper.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("stockroom_service_state{").contains("monitored_service=\"queue-consumer\"")
                .contains("stockroom_queue_consumers{");

        HttpResponse<String> page = viewer.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("queue-consumer", "web-app", "/assets/health.js").doesNotContain("<script>")
                .contains("data-component=\"message-broker\"", "data-component=\"database\"")
                .doesNotContain("href=\"/actuator/prometheus\"");
        HttpResponse<String> cancelledPrompt = anonymous.getPage("/");
        assertThat(cancelledPrompt.statusCode()).isEqualTo(401);
        assertThat(cancelledPrompt.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
        assertThat(cancelledPrompt.body()).contains("Sign in to see the health page").doesNotContain("\"status\"");
        assertThat(anonymous.get("/api/health").body()).contains("\"status\":401");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(anonymous.get("/assets/health.js").statusCode()).isEqualTo(200);

        JsonNode live = viewer.firstStreamEvent(Duration.ofSeconds(5));
        assertThat(live.path("services")).extracting(node -> node.path("name").asString())
                .containsExactly("queue-consumer", "web-app");
        assertThat(live.path("infrastructure")).extracting(node -> node.path("name").asString())
                .containsExactly("message-broker", "database");
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> viewer.overview().path("infrastructure"),
                rows -> "UP".equals(rows.get(0).path("state").asString())
                        && "UP".equals(rows.get(1).path("state").asString()));

        HttpResponse<String> badLimit = viewer.get("/api/health/transitions?limit=0");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(viewer.get("/api/health/transitions?service=nobody").statusCode()).isEqualTo(404);
    }

    @Test
    void it_publishes_and_consumes_nothing_so_it_holds_no_signing_keys() {
        assertThat(context.getBeanNamesForType(MessageSigner.class)).isEmpty();
        assertThat(context.getBeanNamesForType(io.stockroom.support.messaging.MessagePublisher.class)).isEmpty();
        assertThat(viewer().overview().path("queueSource").asString()).isEqualTo("MANAGEMENT_API");
    }

    private void assertTransitionsStoredAndAlerted(String service) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Document> stored = mongo.getCollection("service_transitions")
                    .find(new Document("service", service)).into(new java.util.ArrayList<>());
            assertThat(stored).extracting(d -> d.getString("from") + "->" + d.getString("to"))
                    .contains("UP->DOWN");
            assertThat(stored).allSatisfy(d -> assertThat(d.getString("_id")).startsWith(service + "@"));
            assertThat(mongo.getCollection("service_states").find(new Document("_id", service)).first())
                    .isNotNull();
            assertThat(webhook.bodies()).anySatisfy(body -> assertThat(body)
                    .contains("\"service\":\"" + service + "\"").contains("\"to\":\"DOWN\""));
        });
        JsonNode history = viewer().json("/api/health/transitions?service=" + service);
        assertThat(history.path("downtimes")).anySatisfy(downtime -> {
            assertThat(downtime.path("end").isNull()).isFalse();
            assertThat(Duration.parse(downtime.path("duration").asString())).isPositive();
        });
    }

    private Duration awaitState(HealthApi api, String service, String state, Duration atMost) {
        long start = System.nanoTime();
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50))
                .until(() -> api.state(service), state::equals);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void declareWorkQueue() {
        BrokerFixture.declare(connectionFactory, new TopologyDeclarations(false, 20).workQueue(QUEUE,
                Topology.COMMANDS_EXCHANGE, List.of(Topology.STOCK_COMMANDS_PATTERN)));
    }

    /** A consumer on its own connection, as a consumer service has: destroying the factory drops it. */
    private CachingConnectionFactory startConsumer(List<String> received) throws IOException {
        return BrokerFixture.consumer(environment, QUEUE, received, body -> true);
    }

    /** The test's broker and database, and the same actuator account as the health service polls with. */
    private String[] monitoredAppProperties() {
        List<String> properties = new java.util.ArrayList<>(List.of(environment.propertyArguments()));
        properties.add("stockroom.actuator.username=" + SCRAPER);
        properties.add("stockroom.actuator.password=" + SCRAPER_PASSWORD);
        return properties.toArray(String[]::new);
    }

    private HealthApi viewer() {
        return new HealthApi(port, "viewer", "test-only-viewer-password");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
