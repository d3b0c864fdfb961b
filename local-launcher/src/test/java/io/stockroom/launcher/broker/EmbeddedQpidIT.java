package io.stockroom.launcher.broker;

import com.rabbitmq.client.GetResponse;
import io.stockroom.contracts.Topology;
import io.stockroom.support.messaging.TopologyDeclarations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Drives the embedded Qpid broker the way the services drive RabbitMQ (Spring AMQP, correlated publisher confirms,
 * mandatory returns, the topology of service-support) and pins down where Qpid differs (ADR 0003).
 */
class EmbeddedQpidIT {

    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path workDir;
    static EmbeddedQpid qpid;
    static int port;

    CachingConnectionFactory connections;
    RabbitTemplate rabbit;
    RabbitAdmin admin;

    @BeforeAll
    static void startBroker() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        qpid = EmbeddedQpid.start(workDir, "127.0.0.1", port, "stockroom", "s3cret-for-test");
    }

    @AfterAll
    static void stopBroker() {
        if (qpid != null) {
            qpid.close();
        }
    }

    @BeforeEach
    void connect() {
        connections = new CachingConnectionFactory("127.0.0.1", port);
        connections.setUsername("stockroom");
        connections.setPassword("s3cret-for-test");
        connections.setVirtualHost("/");
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        connections.setPublisherReturns(true);
        rabbit = new RabbitTemplate(connections);
        rabbit.setMandatory(true);
        admin = new RabbitAdmin(connections);
        declare(new TopologyDeclarations(true, 20).workQueue(Topology.STOCK_COMMANDS_QUEUE,
                Topology.COMMANDS_EXCHANGE, List.of(Topology.STOCK_COMMANDS_PATTERN,
                        Topology.LOCATION_COMMANDS_PATTERN)));
        admin.purgeQueue(Topology.STOCK_COMMANDS_QUEUE, false);
        admin.purgeQueue(Topology.deadLetterQueue(Topology.STOCK_COMMANDS_QUEUE), false);
    }

    @AfterEach
    void disconnect() {
        connections.destroy();
    }

    @Test
    void theProbeRecognisesItAsAnAmqpBroker() {
        assertThat(AmqpProbe.answers("127.0.0.1", port, Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void aWrongPasswordIsRefused() {
        CachingConnectionFactory wrong = new CachingConnectionFactory("127.0.0.1", port);
        wrong.setUsername("stockroom");
        wrong.setPassword("not-the-password");
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrong.createConnection().close())
                    .isInstanceOf(org.springframework.amqp.AmqpException.class);
        } finally {
            wrong.destroy();
        }
    }

    @Test
    void theServicesTopologyCanBeDeclaredAgainIdempotently() {
        declare(new TopologyDeclarations(true, 20).workQueue(Topology.STOCK_COMMANDS_QUEUE,
                Topology.COMMANDS_EXCHANGE, List.of(Topology.STOCK_COMMANDS_PATTERN,
                        Topology.LOCATION_COMMANDS_PATTERN)));
        declare(new TopologyDeclarations(true, 20).workQueue(Topology.PRODUCER_PROJECTIONS_QUEUE,
                Topology.EVENTS_EXCHANGE, List.of(Topology.ALL_EVENTS_PATTERN)));

        assertThat(admin.getQueueInfo(Topology.STOCK_COMMANDS_QUEUE)).isNotNull();
        assertThat(admin.getQueueInfo(Topology.deadLetterQueue(Topology.STOCK_COMMANDS_QUEUE))).isNotNull();
        assertThat(admin.getQueueInfo(Topology.PRODUCER_PROJECTIONS_QUEUE)).isNotNull();
    }

    @Test
    void aConfirmedPersistentPublishReachesOnlyTheBoundQueue() throws Exception {
        CorrelationData correlation = send(Topology.COMMANDS_EXCHANGE, "stock.receive", "receive 5");

        CorrelationData.Confirm confirm = correlation.getFuture().get(CONFIRM_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS);
        assertThat(confirm.ack()).isTrue();
        assertThat(correlation.getReturned()).isNull();
        Message received = rabbit.receive(Topology.STOCK_COMMANDS_QUEUE, 2_000);
        assertThat(received).isNotNull();
        assertThat(new String(received.getBody(), StandardCharsets.UTF_8)).isEqualTo("receive 5");
        assertThat(received.getMessageProperties().getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(received.getMessageProperties().getHeaders()).containsEntry("x-test", "yes");
    }

    /**
     * Where Qpid differs: RabbitMQ returns an unroutable mandatory message (312 NO_ROUTE) and then acks it; Qpid
     * nacks it first and sends the return afterwards, when Spring AMQP can no longer correlate it. Either way the
     * publish is not a success for service-support's publisher, which fails unless the confirm is an ack and
     * nothing was returned.
     */
    @Test
    void anUnroutableMandatoryPublishIsNackedSoThePublisherSeesAFailure() throws Exception {
        CorrelationData correlation = send(Topology.COMMANDS_EXCHANGE, "nobody.listens", "lost?");

        CorrelationData.Confirm confirm = correlation.getFuture().get(CONFIRM_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS);
        assertThat(confirm.ack()).isFalse();
        assertThat(rabbit.receive(Topology.STOCK_COMMANDS_QUEUE, 200)).isNull();
    }

    @Test
    void aPublishToAMissingExchangeIsNeverConfirmedPositively() throws Exception {
        CorrelationData correlation = send("no.such.exchange", "stock.receive", "nowhere");

        CorrelationData.Confirm confirm = correlation.getFuture().get(CONFIRM_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS);
        assertThat(confirm.ack()).isFalse();
    }

    @Test
    void ourDeadLetteringPathPutsTheCopyInTheQueuesDlqWithItsReason() throws Exception {
        MessageProperties properties = new MessageProperties();
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setHeader("x-failure-reason", "MALFORMED");
        CorrelationData correlation = new CorrelationData(UUID.randomUUID().toString());
        rabbit.send(Topology.DEAD_LETTER_EXCHANGE, Topology.STOCK_COMMANDS_QUEUE,
                new Message("{not json".getBytes(StandardCharsets.UTF_8), properties), correlation);

        assertThat(correlation.getFuture().get(5, TimeUnit.SECONDS).ack()).isTrue();
        assertThat(correlation.getReturned()).isNull();
        Message dead = rabbit.receive(Topology.deadLetterQueue(Topology.STOCK_COMMANDS_QUEUE), 2_000);
        assertThat(dead).isNotNull();
        assertThat(dead.getMessageProperties().getHeaders()).containsEntry("x-failure-reason", "MALFORMED");
        assertThat(rabbit.receive(Topology.STOCK_COMMANDS_QUEUE, 200)).isNull();
    }

    @Test
    void aNackedDeliveryIsRedeliveredAndAnAckedOneIsGone() throws Exception {
        assertThat(send(Topology.COMMANDS_EXCHANGE, "location.create", "once").getFuture()
                .get(5, TimeUnit.SECONDS).ack()).isTrue();

        Boolean redelivered = rabbit.execute(channel -> {
            channel.basicQos(10);
            GetResponse first = channel.basicGet(Topology.STOCK_COMMANDS_QUEUE, false);
            channel.basicNack(first.getEnvelope().getDeliveryTag(), false, true);
            GetResponse second = awaitGet(channel, Topology.STOCK_COMMANDS_QUEUE);
            channel.basicAck(second.getEnvelope().getDeliveryTag(), false);
            return second.getEnvelope().isRedeliver();
        });

        assertThat(redelivered).isTrue();
        assertThat(rabbit.receive(Topology.STOCK_COMMANDS_QUEUE, 300)).isNull();
    }

    @Test
    void anInstanceQueueDisappearsWhenItsConsumerGoes() throws Exception {
        String queue = Topology.PRODUCER_LIVE_QUEUE_PREFIX + UUID.randomUUID();
        declare(new TopologyDeclarations(true, 20).instanceQueue(queue, Topology.EVENTS_EXCHANGE,
                List.of(Topology.ALL_EVENTS_PATTERN)));

        rabbit.execute(channel -> {
            String tag = channel.basicConsume(queue, false, (consumerTag, delivery) -> { }, consumerTag -> { });
            channel.basicCancel(tag);
            return null;
        });

        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (admin.getQueueInfo(queue) != null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(admin.getQueueInfo(queue)).isNull();
    }

    /**
     * Where Qpid differs: it refuses RabbitMQ's x-dead-letter-exchange queue arguments (connection closed with 542),
     * so no broker-side dead-lettering exists there. That is why service-support dead-letters itself (a confirmed
     * copy with the reason, then the ack) and declares no broker-side DLX when STOCKROOM_BROKER=qpid.
     */
    @Test
    void qpidRefusesRabbitsDeadLetterExchangeArguments() {
        Queue withDlx = QueueBuilder.durable("dlx-probe-" + UUID.randomUUID())
                .deadLetterExchange(Topology.DEAD_LETTER_EXCHANGE).deadLetterRoutingKey("x").build();

        assertThat(catchThrowable(() -> admin.declareQueue(withDlx)))
                .rootCause().hasMessageContaining("Unsupported queue declare argument")
                .hasMessageContaining("x-dead-letter-exchange");
    }

    /** Where Qpid differs: no quorum queues; the quorum arguments are refused, hence classic queues on Qpid. */
    @Test
    void qpidRefusesQuorumQueueArguments() {
        Queue quorum = QueueBuilder.durable("quorum-probe-" + UUID.randomUUID()).quorum().deliveryLimit(3).build();

        assertThat(catchThrowable(() -> admin.declareQueue(quorum)))
                .rootCause().hasMessageContaining("Unsupported queue declare argument");
    }

    private CorrelationData send(String exchange, String routingKey, String body) {
        MessageProperties properties = new MessageProperties();
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setMessageId(UUID.randomUUID().toString());
        properties.setHeader("x-test", "yes");
        CorrelationData correlation = new CorrelationData(properties.getMessageId());
        rabbit.send(exchange, routingKey, new Message(body.getBytes(StandardCharsets.UTF_8), properties),
                correlation);
        return correlation;
    }

    private void declare(List<Declarable> declarables) {
        for (Declarable declarable : declarables) {
            switch (declarable) {
                case Exchange exchange -> admin.declareExchange(exchange);
                case Queue queue -> admin.declareQueue(queue);
                case Binding binding -> admin.declareBinding(binding);
                default -> throw new IllegalArgumentException("unexpected " + declarable);
            }
        }
    }

    private static GetResponse awaitGet(com.rabbitmq.client.Channel channel, String queue) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline) {
            GetResponse response = channel.basicGet(queue, false);
            if (response != null) {
                return response;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("nothing arrived in " + queue);
    }

}
