package io.stockroom.health;

import io.stockroom.contracts.Topology;
import io.stockroom.support.messaging.TopologyDeclarations;
import io.stockroom.support.test.TestEnvironment;
import io.stockroom.support.test.WithTestInfrastructure;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that also consumes the durable queue keeping its own copy of the items (ADR 0009), watched through the
 * management API with the production periods: trouble in that queue (no consumer, dead letters) makes the service
 * DEGRADED with the queue named, and shows in the JSON API, on the page and in the metrics; its main queue still
 * alone decides DOWN.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "stockroom.health.viewer.username=viewer", "stockroom.health.viewer.password=test-only-viewer-password",
        "stockroom.actuator.username=scraper", "stockroom.actuator.password=test-only-actuator-password"})
@WithTestInfrastructure
class FurtherQueueHealthIT {

    private static final String SERVICE = "stock-management-consumer";
    private static final String QUEUE = Topology.STOCK_COMMANDS_QUEUE;
    private static final String COPIES = Topology.STOCK_PROJECTIONS_QUEUE;
    /** Depth and DLQ figures of the management API are refreshed every 5 s; a poll is every 2 s. */
    private static final Duration SEEN_WITHIN = Duration.ofSeconds(20);

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    TestEnvironment environment;
    @LocalServerPort
    int port;

    private final List<String> received = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void monitoredServices(DynamicPropertyRegistry registry) {
        registry.add("stockroom.health.services[0].name", () -> SERVICE);
        registry.add("stockroom.health.services[0].queue", () -> QUEUE);
        registry.add("stockroom.health.services[0].also-consumes", () -> COPIES);
    }

    @Test
    void trouble_in_the_queue_of_its_copy_degrades_the_service_naming_the_queue_and_only_its_main_queue_makes_it_down()
            throws Exception {
        HealthApi api = new HealthApi(port, "viewer", "test-only-viewer-password");
        TopologyDeclarations declarations = new TopologyDeclarations(false, 20);
        BrokerFixture.declare(connectionFactory, declarations.workQueue(QUEUE, Topology.COMMANDS_EXCHANGE,
                List.of(Topology.STOCK_COMMANDS_PATTERN)));
        BrokerFixture.declare(connectionFactory, declarations.stockProjectionsQueue());
        CachingConnectionFactory commands = BrokerFixture.consumer(environment, QUEUE, received, body -> true);
        CachingConnectionFactory copies = copiesConsumer();
        awaitState(api, "UP");

        copies.destroy();
        awaitState(api, "DEGRADED");
        assertThat(reason(api)).isEqualTo("no consumer on queue " + COPIES + " (0 messages waiting)");
        assertThat(api.service(SERVICE).orElseThrow().path("queueStats").path("consumers").asInt()).isEqualTo(1);
        copies = copiesConsumer();
        awaitState(api, "UP");

        rabbit.convertAndSend("", COPIES, "poison-item-event");
        awaitState(api, "DEGRADED");
        assertThat(reason(api)).isEqualTo("dead-letter queue of " + COPIES + " is growing (1 messages)");
        JsonNode service = api.service(SERVICE).orElseThrow();
        assertThat(service.path("dlqGrowing").asBoolean()).as("the main queue's DLQ did not grow").isFalse();
        assertThat(service.path("queueStats").path("queue").asString()).isEqualTo(QUEUE);
        JsonNode copy = service.path("alsoConsumes").get(0);
        assertThat(copy.path("queue").asString()).isEqualTo(COPIES);
        assertThat(copy.path("queueStats").path("deadLetters").asLong()).isEqualTo(1);
        assertThat(copy.path("dlqGrowing").asBoolean()).isTrue();
        assertShownOnThePageAndInTheMetrics(api);

        commands.destroy();
        awaitState(api, "DOWN");
        assertThat(reason(api)).startsWith("no consumer on queue " + QUEUE).contains("dead-letter queue of " + COPIES);
        commands = BrokerFixture.consumer(environment, QUEUE, received, body -> true);
        awaitState(api, "DEGRADED");
        commands.destroy();
        copies.destroy();

        assertThat(api.json("/api/health/transitions?service=" + SERVICE).path("transitions"))
                .extracting(t -> t.path("to").asString() + ": " + t.path("reason").asString())
                .contains("DEGRADED: no consumer on queue " + COPIES + " (0 messages waiting)");
    }

    private void assertShownOnThePageAndInTheMetrics(HealthApi api) {
        String page = api.get("/").body();
        assertThat(page).contains("aria-label=\"Also consumes\"", COPIES, "1 dead letter (growing)");
        String metrics = new HealthApi(port, "scraper", "test-only-actuator-password").get("/actuator/prometheus")
                .body();
        assertThat(metrics.lines().filter(line -> line.startsWith("stockroom_queue_dead_letters{")))
                .anySatisfy(line -> assertThat(line).contains("queue=\"" + COPIES + "\"").matches(".* 1(\\.0)?"));
    }

    /** Stock management's copy keeper: an item event it cannot process is dead-lettered. */
    private CachingConnectionFactory copiesConsumer() throws Exception {
        return BrokerFixture.consumer(environment, COPIES, received, body -> !body.startsWith("poison"));
    }

    private static String reason(HealthApi api) {
        return api.service(SERVICE).orElseThrow().path("reason").asString();
    }

    private static void awaitState(HealthApi api, String state) {
        Awaitility.await().atMost(SEEN_WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> api.state(SERVICE), state::equals);
    }
}
