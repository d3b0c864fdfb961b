package io.stockroom.launcher.rabbit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.ShutdownSignalException;
import io.stockroom.contracts.Topology;
import io.stockroom.support.messaging.TopologyDeclarations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Runs deploy/rabbitmq/setup-users.sh against the local RabbitMQ in a fresh vhost, then proves with real AMQP
 * connections that each service's user can do what the service does at start-up and at work, and nothing more.
 */
class BrokerUsersIT {

    private static final String MANAGEMENT = "http://127.0.0.1:15672/api";
    private static final String ADMIN = "guest";
    private static final int ACCESS_REFUSED = 403;
    private static final List<String> SERVICES = List.of("producer-service", "add-item-consumer",
            "stock-management-consumer", "order-processing-consumer", "health-check-service");
    private static final Map<String, String> PASSWORD_VARIABLES = Map.of(
            "producer-service", "RABBITMQ_PRODUCER_PASSWORD",
            "add-item-consumer", "RABBITMQ_ADD_ITEM_PASSWORD",
            "stock-management-consumer", "RABBITMQ_STOCK_PASSWORD",
            "order-processing-consumer", "RABBITMQ_ORDER_PASSWORD",
            "health-check-service", "RABBITMQ_HEALTH_PASSWORD");

    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String suffix = UUID.randomUUID().toString().substring(0, 8);
    static final String vhost = "stockroom-users-it-" + suffix;
    static final String prefix = "it" + suffix + "-";
    static final Map<String, String> passwords = new java.util.HashMap<>();

    @BeforeAll
    static void provisionTheVhost() throws Exception {
        assertThat(management("PUT", "/vhosts/" + encode(vhost), "{}")).isBetween(200, 299);
        for (String service : SERVICES) {
            passwords.put(service, "pw-" + UUID.randomUUID());
        }
        Path credentials = Files.createTempFile("rabbitmq-users", ".env");
        // Twice: the script is idempotent.
        assertThat(runSetupScript(credentials)).isZero();
        assertThat(runSetupScript(credentials)).isZero();
    }

    @AfterAll
    static void removeTheVhostAndUsers() throws Exception {
        management("DELETE", "/vhosts/" + encode(vhost), null);
        for (String service : SERVICES) {
            management("DELETE", "/users/" + encode(prefix + service), null);
        }
    }

    @Test
    void aConsumerUserCannotPublishCommands() throws Exception {
        try (Connection connection = connect("stock-management-consumer")) {
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            channel.basicPublish(Topology.COMMANDS_EXCHANGE, "stock.receive", true,
                    MessageProperties.PERSISTENT_BASIC, "{}".getBytes(StandardCharsets.UTF_8));

            Throwable refused = catchThrowable(() -> channel.waitForConfirmsOrDie(5_000));

            assertThat(refused).isNotNull();
            assertRefused(channel.getCloseReason(), "inventory.commands");
        }
    }

    @Test
    void theProducerUserCannotConsumeTheOrderCommandQueue() throws Exception {
        try (Connection connection = connect("producer-service")) {
            Channel channel = connection.createChannel();

            Throwable refused = catchThrowable(() -> channel.basicConsume(Topology.ORDER_COMMANDS_QUEUE, false,
                    (tag, delivery) -> { }, tag -> { }));

            assertThat(refused).isInstanceOf(IOException.class);
            assertRefused(channel.getCloseReason(), Topology.ORDER_COMMANDS_QUEUE);
        }
    }

    @Test
    void aConsumerUserCannotReadAnotherConsumersQueue() throws Exception {
        try (Connection connection = connect("add-item-consumer")) {
            Channel channel = connection.createChannel();

            Throwable refused = catchThrowable(() -> channel.basicGet(Topology.STOCK_COMMANDS_QUEUE, false));

            assertThat(refused).isInstanceOf(IOException.class);
            assertRefused(channel.getCloseReason(), Topology.STOCK_COMMANDS_QUEUE);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "add-item-consumer, add-item.commands, item.*",
            "stock-management-consumer, stock-management.commands, stock.*;location.*",
            "order-processing-consumer, order-processing.commands, order.*"})
    void eachConsumerUserCanDeclareConsumeAndPublishWhatItsServiceNeeds(String service, String queue,
                                                                       String patterns) throws Exception {
        declareAs(service, declarations().workQueue(queue, Topology.COMMANDS_EXCHANGE,
                List.of(patterns.split(";"))));

        try (Connection connection = connect(service)) {
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            channel.basicQos(50);
            String tag = channel.basicConsume(queue, false, (consumerTag, delivery) -> { }, consumerTag -> { });
            channel.basicCancel(tag);
            channel.basicPublish(Topology.EVENTS_EXCHANGE, "stock.changed", false, MessageProperties.PERSISTENT_BASIC,
                    "{}".getBytes(StandardCharsets.UTF_8));
            channel.basicPublish(Topology.DEAD_LETTER_EXCHANGE, queue, true, MessageProperties.PERSISTENT_BASIC,
                    "{bad".getBytes(StandardCharsets.UTF_8));
            assertThat(channel.waitForConfirms(5_000)).isTrue();
            GetResponse dead = awaitGet(channel, Topology.deadLetterQueue(queue), false);
            assertThat(dead).as("a consumer may not read its DLQ; the copy is there for operators").isNull();
            assertThat(channel.isOpen()).isFalse();
            assertRefused(channel.getCloseReason(), Topology.deadLetterQueue(queue));
        }
        assertThat(awaitDepth(Topology.deadLetterQueue(queue), 1)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theProducerUserCanDeclareItsTopologyPublishCommandsAndConsumeItsOwnQueues() throws Exception {
        String live = Topology.PRODUCER_LIVE_QUEUE_PREFIX + UUID.randomUUID();
        TopologyDeclarations declarations = declarations();
        List<Declarable> all = new ArrayList<>();
        all.addAll(declarations.workQueue(Topology.ITEM_COMMANDS_QUEUE, Topology.COMMANDS_EXCHANGE,
                List.of(Topology.ITEM_COMMANDS_PATTERN)));
        all.addAll(declarations.workQueue(Topology.STOCK_COMMANDS_QUEUE, Topology.COMMANDS_EXCHANGE,
                List.of(Topology.STOCK_COMMANDS_PATTERN, Topology.LOCATION_COMMANDS_PATTERN)));
        all.addAll(declarations.workQueue(Topology.ORDER_COMMANDS_QUEUE, Topology.COMMANDS_EXCHANGE,
                List.of(Topology.ORDER_COMMANDS_PATTERN)));
        all.addAll(declarations.workQueue(Topology.PRODUCER_PROJECTIONS_QUEUE, Topology.EVENTS_EXCHANGE,
                List.of("command.outcome", "order.cancelled", "order.confirmed", "order.fulfilled",
                        "order.rejected")));
        all.addAll(declarations.instanceQueue(live, Topology.EVENTS_EXCHANGE, List.of(Topology.ALL_EVENTS_PATTERN)));
        all.add(BindingBuilder.bind(new Queue(Topology.deadLetterQueue(Topology.PRODUCER_PROJECTIONS_QUEUE)))
                .to(new DirectExchange(Topology.DEAD_LETTER_EXCHANGE)).with(live));

        try (Connection connection = connect("producer-service")) {
            // The live queue is auto-delete: keep a consumer on it while declaring, as the producer does.
            declareAs("producer-service", all.stream().filter(d -> !(d instanceof Binding b)
                    || !b.getDestination().equals(live)).toList());
            Channel channel = connection.createChannel();
            String liveTag = channel.basicConsume(live, false, (tag, delivery) -> { }, tag -> { });
            declareAs("producer-service", all);
            String projectionsTag = channel.basicConsume(Topology.PRODUCER_PROJECTIONS_QUEUE, false,
                    (tag, delivery) -> { }, tag -> { });
            channel.basicCancel(projectionsTag);
            channel.basicCancel(liveTag);
            channel.confirmSelect();
            long before = queueDepth(Topology.ITEM_COMMANDS_QUEUE);
            channel.basicPublish(Topology.COMMANDS_EXCHANGE, "item.create", true, MessageProperties.PERSISTENT_BASIC,
                    "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(channel.waitForConfirms(5_000)).isTrue();
            assertThat(awaitDepth(Topology.ITEM_COMMANDS_QUEUE, before + 1)).isEqualTo(before + 1);

            channel.basicPublish(Topology.EVENTS_EXCHANGE, "stock.changed", false, MessageProperties.PERSISTENT_BASIC,
                    "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(catchThrowable(() -> channel.waitForConfirmsOrDie(5_000))).isNotNull();
            assertRefused(channel.getCloseReason(), "inventory.events");
        }
    }

    @Test
    void theHealthUserCanWatchButNeitherConsumeNorPublish() throws Exception {
        declareAs("stock-management-consumer", declarations().workQueue(Topology.STOCK_COMMANDS_QUEUE,
                Topology.COMMANDS_EXCHANGE, List.of(Topology.STOCK_COMMANDS_PATTERN)));
        try (Connection connection = connect("health-check-service")) {
            Channel channel = connection.createChannel();
            AMQP.Queue.DeclareOk passive = channel.queueDeclarePassive(Topology.STOCK_COMMANDS_QUEUE);
            assertThat(passive.getQueue()).isEqualTo(Topology.STOCK_COMMANDS_QUEUE);

            assertThat(catchThrowable(() -> channel.basicGet(Topology.STOCK_COMMANDS_QUEUE, false)))
                    .isInstanceOf(IOException.class);
            assertRefused(channel.getCloseReason(), Topology.STOCK_COMMANDS_QUEUE);

            Channel publishing = connection.createChannel();
            publishing.confirmSelect();
            publishing.basicPublish(Topology.COMMANDS_EXCHANGE, "stock.receive", false,
                    MessageProperties.PERSISTENT_BASIC, "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(catchThrowable(() -> publishing.waitForConfirmsOrDie(5_000))).isNotNull();
            assertRefused(publishing.getCloseReason(), "inventory.commands");
        }
        HttpResponse<String> queues = http.send(HttpRequest.newBuilder(
                        URI.create(MANAGEMENT + "/queues/" + encode(vhost)))
                .header("Authorization", basic(prefix + "health-check-service",
                        passwords.get("health-check-service")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(queues.statusCode()).isEqualTo(200);
        assertThat(queues.body()).contains(Topology.STOCK_COMMANDS_QUEUE);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static TopologyDeclarations declarations() {
        return new TopologyDeclarations(false, 20);
    }

    private static int runSetupScript(Path credentials) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", Path.of("..", "deploy", "rabbitmq", "setup-users.sh")
                .toString(), vhost).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("STOCKROOM_RABBITMQ_USER_PREFIX", prefix);
        env.put("STOCKROOM_RABBITMQ_CREDENTIALS", credentials.toString());
        passwords.forEach((service, password) -> env.put(PASSWORD_VARIABLES.get(service), password));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.println(output);
        return process.exitValue();
    }

    private static Connection connect(String service) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost(vhost);
        factory.setUsername(prefix + service);
        factory.setPassword(passwords.get(service));
        return factory.newConnection(service + "-it");
    }

    private static void declareAs(String service, List<Declarable> declarables) {
        CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1");
        connections.setVirtualHost(vhost);
        connections.setUsername(prefix + service);
        connections.setPassword(passwords.get(service));
        try {
            RabbitAdmin admin = new RabbitAdmin(connections);
            for (Declarable declarable : declarables) {
                switch (declarable) {
                    case Exchange exchange -> admin.declareExchange(exchange);
                    case Queue queue -> admin.declareQueue(queue);
                    case Binding binding -> admin.declareBinding(binding);
                    default -> throw new IllegalArgumentException("unexpected " + declarable);
                }
            }
        } finally {
            connections.destroy();
        }
    }

    private static void assertRefused(ShutdownSignalException reason, String resource) {
        assertThat(reason).as("the channel was closed by the broker").isNotNull();
        AMQP.Channel.Close close = (AMQP.Channel.Close) reason.getReason();
        assertThat(close.getReplyCode()).isEqualTo(ACCESS_REFUSED);
        assertThat(close.getReplyText()).contains("ACCESS_REFUSED").contains(resource);
    }

    private static GetResponse awaitGet(Channel channel, String queue, boolean autoAck) {
        try {
            return channel.basicGet(queue, autoAck);
        } catch (IOException e) {
            return null;
        }
    }

    /** Exact and immediate (the management API's counts lag by its statistics interval). */
    private static long queueDepth(String queue) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost(vhost);
        factory.setUsername(ADMIN);
        factory.setPassword(ADMIN);
        try (Connection connection = factory.newConnection("depth-it")) {
            return connection.createChannel().queueDeclarePassive(queue).getMessageCount();
        }
    }

    private static long awaitDepth(String queue, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        long depth = queueDepth(queue);
        while (depth < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            depth = queueDepth(queue);
        }
        return depth;
    }

    private static int management(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(MANAGEMENT + path))
                .header("Authorization", basic(ADMIN, ADMIN)).header("content-type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
