package io.stockroom.health;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.stockroom.support.test.TestEnvironment;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/** The broker side of the integration tests: queues declared as the services declare them, and real consumers. */
final class BrokerFixture {

    private static final int PREFETCH = 10;

    private BrokerFixture() {
    }

    /** Declares queues, exchanges and bindings, e.g. from {@code TopologyDeclarations}. */
    static void declare(ConnectionFactory connections, List<Declarable> declarables) {
        RabbitAdmin admin = new RabbitAdmin(connections);
        for (Declarable declarable : declarables) {
            switch (declarable) {
                case Queue queue -> admin.declareQueue(queue);
                case Exchange exchange -> admin.declareExchange(exchange);
                case Binding binding -> admin.declareBinding(binding);
                default -> throw new IllegalStateException("unexpected " + declarable);
            }
        }
    }

    /** A connection factory of its own on the test's vhost: destroying it drops everything it opened. */
    static CachingConnectionFactory connectionFactory(TestEnvironment environment) {
        CachingConnectionFactory factory = new CachingConnectionFactory(
                environment.properties().get("spring.rabbitmq.host"),
                Integer.parseInt(environment.properties().get("spring.rabbitmq.port")));
        factory.setUsername(environment.properties().get("spring.rabbitmq.username"));
        factory.setPassword(environment.properties().get("spring.rabbitmq.password"));
        factory.setVirtualHost(environment.vhost());
        return factory;
    }

    /**
     * A consumer on its own connection, as a consumer service has: destroying the returned factory drops it. Bodies
     * it can process are added to {@code received} and acknowledged; the others are rejected without requeueing, so
     * the broker dead-letters them, as a service does with a message it cannot process.
     */
    static CachingConnectionFactory consumer(TestEnvironment environment, String queue, List<String> received,
                                             Predicate<String> processable) throws IOException {
        CachingConnectionFactory factory = connectionFactory(environment);
        Connection connection = factory.createConnection();
        Channel channel = connection.createChannel(false);
        channel.basicQos(PREFETCH);
        channel.basicConsume(queue, false, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                    throws IOException {
                String text = new String(body, StandardCharsets.UTF_8);
                if (processable.test(text)) {
                    received.add(text);
                    getChannel().basicAck(envelope.getDeliveryTag(), false);
                } else {
                    getChannel().basicReject(envelope.getDeliveryTag(), false);
                }
            }
        });
        return factory;
    }
}
