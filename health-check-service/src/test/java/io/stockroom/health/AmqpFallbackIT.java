package io.stockroom.health;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import io.stockroom.contracts.Topology;
import io.stockroom.health.monitoring.adapter.in.scheduling.MonitoringLoops;
import io.stockroom.health.monitoring.adapter.out.http.HttpActuatorProbe;
import io.stockroom.health.monitoring.adapter.out.persistence.MongoPingProbe;
import io.stockroom.health.monitoring.adapter.out.persistence.MongoStateStore;
import io.stockroom.health.monitoring.adapter.out.rabbit.AmqpQueueProbe;
import io.stockroom.health.monitoring.adapter.out.rabbit.BrokerQueueProbe;
import io.stockroom.health.monitoring.adapter.out.rabbit.ManagementApiQueueProbe;
import io.stockroom.health.monitoring.application.HealthMonitor;
import io.stockroom.health.monitoring.domain.MonitoredService;
import io.stockroom.health.monitoring.domain.QueueSnapshot;
import io.stockroom.health.monitoring.domain.QueueSource;
import io.stockroom.health.monitoring.domain.QueueStats;
import io.stockroom.health.monitoring.domain.ServiceState;
import io.stockroom.support.messaging.TopologyDeclarations;
import io.stockroom.support.test.TestEnvironment;
import io.stockroom.support.test.TestInfrastructure;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where there is no management API (the embedded Qpid broker, or the plugin switched off), queue figures come from
 * AMQP passive declares. Simulated on the real broker by pointing the management client at a port nobody listens on:
 * the probes, the monitor, the loops and the store are the production classes, without a Spring context.
 */
class AmqpFallbackIT {

    private static final String QUEUE = Topology.ORDER_COMMANDS_QUEUE;
    private final Clock clock = Clock.systemUTC();
    private final JsonMapper json = JsonMapper.builder().build();
    private TestEnvironment environment;
    private CachingConnectionFactory connections;
    private MongoClient mongoClient;

    @BeforeEach
    void brokerWithAWorkQueue() {
        environment = TestInfrastructure.get().newEnvironment();
        connections = BrokerFixture.connectionFactory(environment);
        BrokerFixture.declare(connections, new TopologyDeclarations(false, 20).workQueue(QUEUE,
                Topology.COMMANDS_EXCHANGE, List.of(Topology.ORDER_COMMANDS_PATTERN)));
    }

    @AfterEach
    void cleanUp() {
        connections.destroy();
        if (mongoClient != null) {
            mongoClient.close();
        }
        environment.close();
    }

    @Test
    void without_a_management_api_the_consumer_and_message_counts_come_from_amqp_and_say_so() throws Exception {
        RabbitTemplate rabbit = new RabbitTemplate(connections);
        rabbit.convertAndSend("", QUEUE, "waiting");
        rabbit.convertAndSend("", Topology.deadLetterQueue(QUEUE), "dead-1");
        rabbit.convertAndSend("", Topology.deadLetterQueue(QUEUE), "dead-2");
        BrokerQueueProbe probe = probe(BrokerQueueProbe.Mode.AUTO);

        QueueSnapshot idle = Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> probe.observe(List.of(QUEUE)), s -> s.queue(QUEUE).orElseThrow().ready() == 1);
        assertThat(idle.source()).isEqualTo(QueueSource.AMQP);
        assertThat(idle.sourceDetail()).startsWith("management API unavailable");
        assertThat(idle.queue(QUEUE).orElseThrow()).satisfies(stats -> {
            assertThat(stats.consumers()).isZero();
            assertThat(stats.deadLetters()).isEqualTo(2L);
            assertThat(stats.unacked()).as("AMQP cannot tell").isNull();
            assertThat(stats.publishRate()).as("AMQP cannot tell").isNull();
        });

        try (Connection consumerConnection = connections.createConnection()) {
            consume(consumerConnection);
            consume(consumerConnection);
            QueueStats busy = probe.observe(List.of(QUEUE)).queue(QUEUE).orElseThrow();
            assertThat(busy.consumers()).isEqualTo(2);
        }
        assertThat(probe.observe(List.of(QUEUE, "no.such.queue")).queue("no.such.queue").orElseThrow().exists())
                .isFalse();
    }

    @Test
    void the_monitor_sees_a_lost_consumer_through_amqp_within_five_seconds() throws Exception {
        MongoStateStore store = new MongoStateStore(mongoTemplate());
        MonitoredService service = new MonitoredService("order-processing-consumer", null, QUEUE);
        HealthMonitor monitor = monitor(service, store);
        MonitoringLoops loops = loops(monitor);
        CachingConnectionFactory consumerService = BrokerFixture.connectionFactory(environment);
        consume(consumerService.createConnection());
        loops.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> monitor.stateOf(service.name()),
                    state -> state.orElseThrow() == ServiceState.UP);
            long lostAt = System.nanoTime();
            consumerService.destroy();
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> monitor.stateOf(service.name()), state -> state.orElseThrow() == ServiceState.DOWN);
            Duration detected = Duration.ofNanos(System.nanoTime() - lostAt);
            System.out.printf("[health] AMQP fallback: consumer lost -> DOWN after %d ms%n", detected.toMillis());

            assertThat(detected).isLessThan(Duration.ofSeconds(5));
            assertThat(monitor.overview().queueSource()).isEqualTo(QueueSource.AMQP);
            assertThat(store.flush(5_000)).isTrue();
            assertThat(store.recentOf(service.name(), 10)).extracting(t -> t.to())
                    .containsExactly(ServiceState.DOWN, ServiceState.UP);
        } finally {
            loops.stop();
            store.close();
        }
    }

    @Test
    void through_amqp_a_further_queue_that_dead_letters_or_loses_its_consumer_degrades_its_service_naming_it()
            throws Exception {
        String projections = Topology.ORDER_PROJECTIONS_QUEUE;
        BrokerFixture.declare(connections, new TopologyDeclarations(false, 20).orderProjectionsQueue());
        MongoStateStore store = new MongoStateStore(mongoTemplate());
        MonitoredService service = new MonitoredService("order-processing-consumer", null, QUEUE,
                List.of(projections));
        HealthMonitor monitor = monitor(service, store);
        MonitoringLoops loops = loops(monitor);
        List<String> received = new CopyOnWriteArrayList<>();
        CachingConnectionFactory orders = BrokerFixture.consumer(environment, QUEUE, received, body -> true);
        CachingConnectionFactory copies = BrokerFixture.consumer(environment, projections, received,
                body -> !body.startsWith("poison"));
        loops.start();
        try {
            awaitState(monitor, service, ServiceState.UP);
            new RabbitTemplate(connections).convertAndSend("", projections, "poison-1");
            awaitState(monitor, service, ServiceState.DEGRADED);
            assertThat(reason(monitor)).isEqualTo("dead-letter queue of " + projections + " is growing (1 messages)");

            copies.destroy();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> reason(monitor),
                    reason -> reason.contains("no consumer on queue " + projections));
            assertThat(monitor.stateOf(service.name())).contains(ServiceState.DEGRADED);

            orders.destroy();
            awaitState(monitor, service, ServiceState.DOWN);
            assertThat(reason(monitor)).startsWith("no consumer on queue " + QUEUE).contains(projections);
            assertThat(monitor.overview().queueSource()).isEqualTo(QueueSource.AMQP);
        } finally {
            loops.stop();
            store.close();
        }
    }

    @Test
    void with_the_management_api_pinned_and_away_the_figures_are_unavailable_and_count_against_nobody() {
        QueueSnapshot snapshot = probe(BrokerQueueProbe.Mode.MANAGEMENT).observe(List.of(QUEUE));

        assertThat(snapshot.source()).isEqualTo(QueueSource.UNAVAILABLE);
        assertThat(snapshot.queues()).isEmpty();
    }

    private HealthMonitor monitor(MonitoredService service, MongoStateStore store) {
        return new HealthMonitor(List.of(service), new HealthMonitor.Settings(10, Duration.ofSeconds(60),
                Duration.ofSeconds(7)), store, List.of(), clock);
    }

    /** The production loops, queue figures over AMQP only (the management API's port is closed). */
    private MonitoringLoops loops(HealthMonitor monitor) {
        return new MonitoringLoops(monitor, probe(BrokerQueueProbe.Mode.AUTO),
                new HttpActuatorProbe(Duration.ofSeconds(1), json, clock, null),
                new MongoPingProbe(mongoTemplate(), clock), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(1), clock);
    }

    private static void awaitState(HealthMonitor monitor, MonitoredService service, ServiceState state) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> monitor.stateOf(service.name()), current -> current.orElseThrow() == state);
    }

    private static String reason(HealthMonitor monitor) {
        return monitor.overview().services().getFirst().reason();
    }

    private BrokerQueueProbe probe(BrokerQueueProbe.Mode mode) {
        ManagementApiQueueProbe management = new ManagementApiQueueProbe("http://127.0.0.1:" + closedPort(),
                "guest", "guest", environment.vhost(), Duration.ofSeconds(1), json, clock);
        return new BrokerQueueProbe(management, new AmqpQueueProbe(new RabbitAdmin(connections), clock), mode, clock);
    }

    private void consume(Connection connection) throws IOException {
        Channel channel = connection.createChannel(false);
        channel.basicQos(1);
        channel.basicConsume(QUEUE, false, new DefaultConsumer(channel));
    }

    private MongoTemplate mongoTemplate() {
        ConnectionString uri = new ConnectionString(environment.properties().get("spring.mongodb.uri"));
        mongoClient = MongoClients.create(uri);
        return new MongoTemplate(mongoClient, uri.getDatabase());
    }

    /** A port nothing listens on: bound once to find it, then released. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
