package io.stockroom.e2e;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.stockroom.contracts.Headers;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.Role;
import io.stockroom.contracts.Topology;
import io.stockroom.support.messaging.Actor;
import io.stockroom.support.signing.MessageSigner;
import io.stockroom.support.signing.SigningKeys;
import io.stockroom.support.test.RawMessages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commands injected straight into each command queue of the running system, bypassing the producer: forged,
 * unsigned, replayed and under-privileged ones must all be dead-lettered with their reason, and none applied.
 */
class ForgedCommandsIT {

    private static final Actor ADMIN = new Actor("intruder-admin", java.util.Set.of(Role.ADMIN));
    private static final Actor SHOPPER = new Actor("intruder-shopper", java.util.Set.of(Role.USER));

    private static CachingConnectionFactory connections;
    private static RabbitTemplate rabbit;
    private static MessageSigner signer;

    /** One command type per consuming service, with a valid body built per test. */
    enum Target {
        ITEMS(MessageType.CREATE_ITEM, Topology.ITEM_COMMANDS_QUEUE),
        STOCK(MessageType.CREATE_LOCATION, Topology.STOCK_COMMANDS_QUEUE),
        ORDERS(MessageType.FULFIL_ORDER, Topology.ORDER_COMMANDS_QUEUE);

        final MessageType type;
        final String queue;

        Target(MessageType type, String queue) {
            this.type = type;
            this.queue = queue;
        }

        String body(String suffix) {
            return switch (this) {
                case ITEMS -> "{\"commandId\":\"forge-" + suffix + "\",\"sku\":\"FORGE-" + suffix + "\",\"details\":"
                        + "{\"name\":\"Forged\",\"brand\":\"X\",\"category\":\"watches\",\"price\":{\"amount\":1,"
                        + "\"currency\":\"INR\"},\"attributes\":{},\"lowStockThreshold\":0}}";
                case STOCK -> "{\"commandId\":\"forge-" + suffix + "\",\"code\":\"FG-" + suffix + "\",\"name\":"
                        + "\"Forged\",\"type\":\"STORE\",\"priority\":1}";
                case ORDERS -> "{\"commandId\":\"forge-" + suffix + "\",\"orderId\":\"order-" + suffix + "\"}";
            };
        }
    }

    @BeforeAll
    static void connect() {
        Map<String, String> properties = Stack.get().environment().properties();
        connections = new CachingConnectionFactory(properties.get("spring.rabbitmq.host"),
                Integer.parseInt(properties.get("spring.rabbitmq.port")));
        connections.setUsername(properties.get("spring.rabbitmq.username"));
        connections.setPassword(properties.get("spring.rabbitmq.password"));
        connections.setVirtualHost(properties.get("spring.rabbitmq.virtual-host"));
        rabbit = new RabbitTemplate(connections);
        signer = new MessageSigner(SigningKeys.parse(properties.get("stockroom.signing.keys"),
                properties.get("stockroom.signing.active-key-id")));
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static Message signed(Target target, Actor actor) {
        return RawMessages.signedCommand(signer, target.type, target.body(suffix()), actor);
    }

    private static String deadLetterReason(Target target, Message message) {
        rabbit.send(Topology.COMMANDS_EXCHANGE, target.type.routingKey(), message);
        String messageId = message.getMessageProperties().getMessageId();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Message dead = rabbit.receive(Topology.deadLetterQueue(target.queue), 1_000);
            if (dead != null && messageId.equals(dead.getMessageProperties().getMessageId())) {
                return dead.getMessageProperties().getHeader(Headers.FAILURE_REASON);
            }
        }
        throw new AssertionError("message " + messageId + " never reached " + Topology.deadLetterQueue(target.queue));
    }

    /** Waits until the consumer recorded the message as handled (it does so just before acknowledging it). */
    private static void awaitProcessed(String queue, String messageId) {
        String uri = Stack.get().environment().properties().get("spring.mongodb.uri");
        try (MongoClient mongo = MongoClients.create(uri)) {
            MongoDatabase database = mongo.getDatabase(new ConnectionString(uri).getDatabase());
            await().atMost(Duration.ofSeconds(30)).until(() -> database.getCollection("processed_messages")
                    .countDocuments(Filters.eq("_id", queue + "|" + messageId)) == 1);
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void a_command_with_a_forged_signature_is_dead_lettered(Target target) {
        assertThat(deadLetterReason(target, RawMessages.forged(signed(target, ADMIN)))).isEqualTo("BAD_SIGNATURE");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void an_unsigned_command_is_dead_lettered(Target target) {
        Message unsigned = RawMessages.unsignedCommand(target.type, target.body(suffix()), ADMIN,
                UUID.randomUUID().toString(), Instant.now());
        assertThat(deadLetterReason(target, unsigned)).isEqualTo("UNSIGNED");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void an_admin_command_signed_for_a_shopper_is_dead_lettered(Target target) {
        assertThat(deadLetterReason(target, signed(target, SHOPPER))).isEqualTo("FORBIDDEN");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void a_replayed_copy_of_a_handled_command_is_dead_lettered(Target target) {
        String body = target.body(suffix());
        String messageId = UUID.randomUUID().toString();
        Instant sentAt = Instant.now();
        rabbit.send(Topology.COMMANDS_EXCHANGE, target.type.routingKey(),
                RawMessages.signedCommand(signer, target.type, body, ADMIN, messageId, sentAt));

        awaitProcessed(target.queue, messageId);

        Message copy = RawMessages.signedCommand(signer, target.type, body, ADMIN, messageId, sentAt);
        assertThat(deadLetterReason(target, copy)).isEqualTo("REPLAYED");
    }
}
