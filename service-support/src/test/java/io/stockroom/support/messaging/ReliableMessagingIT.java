package io.stockroom.support.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.stockroom.contracts.ContractsMother;
import io.stockroom.contracts.Headers;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.Payload;
import io.stockroom.contracts.Role;
import io.stockroom.contracts.Topology;
import io.stockroom.contracts.item.CreateItem;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.order.OrderLine;
import io.stockroom.support.idempotency.ProcessedMessages;
import io.stockroom.support.signing.MessageSigner;
import io.stockroom.support.test.RawMessages;
import io.stockroom.support.test.WithTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.application.name=support-test", "stockroom.messaging.retry-delay-initial=20ms",
                "stockroom.messaging.retry-delay-max=100ms"})
@WithTestInfrastructure
class ReliableMessagingIT {

    private static final String DLQ = Topology.deadLetterQueue(MessagingTestApplication.QUEUE);
    private static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN));
    private static final Actor SHOPPER = new Actor("asha", Set.of(Role.USER));

    @Autowired
    MessagePublisher publisher;
    @Autowired
    MessageSigner signer;
    @Autowired
    MessageJson json;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    RabbitAdmin admin;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    SimpleMessageListenerContainer container;
    @Autowired
    MessagingTestApplication.RecordingHandler handler;
    @Autowired
    ProcessedMessages processed;

    private static CreateItem createItem(String name) {
        ItemDetails watch = ContractsMother.watch();
        return new CreateItem("cmd-" + UUID.randomUUID(), ContractsMother.SKU, new ItemDetails(name, watch.brand(),
                watch.category(), watch.price(), watch.attributes(), watch.lowStockThreshold()));
    }

    private String body(CreateItem command) {
        return new String(json.write(command), StandardCharsets.UTF_8);
    }

    private void inject(Message message) {
        rabbit.send(Topology.COMMANDS_EXCHANGE, MessageType.CREATE_ITEM.routingKey(), message);
    }

    private Message awaitDeadLetter() {
        Message dead = rabbit.receive(DLQ, 10_000);
        assertThat(dead).as("a message in " + DLQ).isNotNull();
        return dead;
    }

    private int queueDepth() {
        Properties properties = admin.getQueueProperties(MessagingTestApplication.QUEUE);
        return ((Number) properties.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).intValue();
    }

    /** Stopping the consumer returns every unacknowledged delivery to the queue, so depth 0 proves the acks. */
    private void assertEverythingAcknowledged() {
        container.stop();
        try {
            assertThat(queueDepth()).isZero();
        } finally {
            container.start();
        }
    }

    @Test
    void a_published_command_is_consumed_once_and_acknowledged() {
        CreateItem command = createItem("Titan Neo");

        publisher.publish(command, new PublishContext("corr-1", "req-1", ADMIN));

        await().atMost(Duration.ofSeconds(10)).until(() -> handler.calls(command.commandId()) == 1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(this::assertEverythingAcknowledged);
        assertThat(handler.calls(command.commandId())).isEqualTo(1);
    }

    @Test
    void a_publish_no_queue_is_bound_for_is_reported_as_a_failure() {
        var order = ContractsMother.placeOrder("order-x", "asha", new OrderLine(ContractsMother.SKU, 1, null));

        assertThatThrownBy(() -> publisher.publish(order,
                new PublishContext("corr-2", "req-2", SHOPPER)))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageContaining("no queue is bound");
    }

    @Test
    void an_event_nobody_subscribes_to_is_published_without_failing_the_publisher() {
        Payload event = ContractsMother.example(MessageType.ITEM_DELETED);

        assertThat(publisher.publish(event, new PublishContext("corr-3", "req-3", ADMIN)))
                .isNotNull();
    }

    @Test
    void a_publish_the_broker_does_not_confirm_is_reported_as_a_failure() {
        admin.deleteExchange(Topology.COMMANDS_EXCHANGE);
        try {
            assertThatThrownBy(() -> publisher.publish(createItem("lost"),
                    new PublishContext("corr-3", "req-3", ADMIN)))
                    .isInstanceOf(PublishFailedException.class);
        } finally {
            admin.initialize();
        }
    }

    @Test
    void a_malformed_message_is_dead_lettered_at_once_with_its_reason() {
        String body = "{\"commandId\":\"c-1\",\"sku\":\"lower case\",\"details\":null}";
        inject(RawMessages.signedCommand(signer, MessageType.CREATE_ITEM, body, ADMIN));

        Message dead = awaitDeadLetter();

        assertThat(dead.getMessageProperties().<String>getHeader(Headers.FAILURE_REASON)).isEqualTo("MALFORMED_PAYLOAD");
        assertThat(dead.getMessageProperties().<String>getHeader(Headers.FAILURE_DETAIL)).contains("sku");
        assertThat(dead.getMessageProperties().<String>getHeader(Headers.ORIGINAL_QUEUE))
                .isEqualTo(MessagingTestApplication.QUEUE);
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(handler.calls("c-1")).isZero();
    }

    @Test
    void unsigned_forged_and_under_privileged_commands_are_dead_lettered_and_never_handled() {
        CreateItem unsigned = createItem("unsigned");
        CreateItem forged = createItem("forged");
        CreateItem byShopper = createItem("by shopper");

        inject(RawMessages.unsignedCommand(MessageType.CREATE_ITEM, body(unsigned), ADMIN,
                UUID.randomUUID().toString(), Instant.now()));
        assertThat(awaitDeadLetter().getMessageProperties().<String>getHeader(Headers.FAILURE_REASON))
                .isEqualTo("UNSIGNED");
        inject(RawMessages.forged(RawMessages.signedCommand(signer, MessageType.CREATE_ITEM, body(forged), ADMIN)));
        assertThat(awaitDeadLetter().getMessageProperties().<String>getHeader(Headers.FAILURE_REASON))
                .isEqualTo("BAD_SIGNATURE");
        inject(RawMessages.signedCommand(signer, MessageType.CREATE_ITEM, body(byShopper), SHOPPER));
        assertThat(awaitDeadLetter().getMessageProperties().<String>getHeader(Headers.FAILURE_REASON))
                .isEqualTo("FORBIDDEN");

        assertThat(handler.calls(unsigned.commandId()) + handler.calls(forged.commandId())
                + handler.calls(byShopper.commandId())).isZero();
    }

    @Test
    void a_command_older_than_the_replay_window_is_dead_lettered_as_expired() {
        CreateItem old = createItem("old");
        inject(RawMessages.signedCommand(signer, MessageType.CREATE_ITEM, body(old), ADMIN,
                UUID.randomUUID().toString(), Instant.now().minus(Duration.ofDays(8))));

        assertThat(awaitDeadLetter().getMessageProperties().<String>getHeader(Headers.FAILURE_REASON))
                .isEqualTo("EXPIRED");
        assertThat(handler.calls(old.commandId())).isZero();
    }

    @Test
    void a_processed_message_published_again_is_refused_as_a_replay() {
        CreateItem command = createItem("replayed");
        Message original = RawMessages.signedCommand(signer, MessageType.CREATE_ITEM, body(command), ADMIN);
        inject(original);
        await().atMost(Duration.ofSeconds(10)).until(() -> handler.calls(command.commandId()) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> processed.contains(MessagingTestApplication.QUEUE,
                original.getMessageProperties().getMessageId()));

        inject(original);

        assertThat(awaitDeadLetter().getMessageProperties().<String>getHeader(Headers.FAILURE_REASON))
                .isEqualTo("REPLAYED");
        assertThat(handler.calls(command.commandId())).isEqualTo(1);
    }

    @Test
    void a_redelivery_after_the_effect_was_recorded_is_acknowledged_without_handling_it_again() throws Exception {
        CreateItem command = createItem("redelivered");
        Message message = RawMessages.signedCommand(signer, MessageType.CREATE_ITEM, body(command), ADMIN);
        container.stop();
        try {
            inject(message);
            simulateCrashAfterProcessing(message);
        } finally {
            container.start();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(this::assertEverythingAcknowledged);
        assertThat(handler.calls(command.commandId())).isZero();
        assertThat(rabbit.receive(DLQ, 500)).isNull();
    }

    /** Takes the delivery without acking it, records it as processed, then drops the channel: a crash before the ack. */
    private void simulateCrashAfterProcessing(Message message) throws Exception {
        try (var connection = connectionFactory.createConnection(); Channel channel = connection.createChannel(false)) {
            GetResponse delivery = null;
            for (int i = 0; i < 50 && delivery == null; i++) {
                delivery = channel.basicGet(MessagingTestApplication.QUEUE, false);
                if (delivery == null) {
                    Thread.sleep(100);
                }
            }
            assertThat(delivery).as("the injected message").isNotNull();
            MessageMetadata metadata = new MessageMetadata(message.getMessageProperties().getMessageId(), null, null,
                    MessageType.CREATE_ITEM, 1, Instant.now(), ADMIN, false);
            processed.record(MessagingTestApplication.QUEUE, metadata);
        }
    }

    @Test
    void a_handler_that_keeps_failing_is_retried_a_bounded_number_of_times_then_dead_lettered() {
        CreateItem command = createItem("fail-always");

        publisher.publish(command, new PublishContext("corr-4", "req-4", ADMIN));

        Message dead = awaitDeadLetter();
        assertThat(dead.getMessageProperties().<String>getHeader(Headers.FAILURE_REASON)).isEqualTo("PROCESSING_FAILED");
        assertThat(dead.getMessageProperties().<String>getHeader(Headers.FAILURE_DETAIL)).contains("handler bug");
        assertThat(dead.getMessageProperties().<Integer>getHeader(Headers.ATTEMPTS)).isEqualTo(4);
        assertThat(handler.calls(command.commandId())).isEqualTo(4);
    }

    @Test
    void a_transient_failure_is_retried_with_backoff_until_it_succeeds() {
        CreateItem command = createItem("fail-transient-2");

        publisher.publish(command, new PublishContext("corr-5", "req-5", ADMIN));

        await().atMost(Duration.ofSeconds(10)).until(() -> handler.calls(command.commandId()) == 3);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(this::assertEverythingAcknowledged);
        assertThat(rabbit.receive(DLQ, 500)).isNull();
    }
}
