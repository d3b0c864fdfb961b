package io.stockroom.support.test;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.Event;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.Topology;
import io.stockroom.support.messaging.MessageJson;
import org.awaitility.Awaitility;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Subscribes a private queue to every event, as any real subscriber would, and keeps what arrives so tests can wait
 * for the events and outcomes a command should cause.
 */
public final class EventCollector implements AutoCloseable {

    private static final Duration WAIT_MAX = Duration.ofSeconds(20);

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final SimpleMessageListenerContainer container;

    public EventCollector(ConnectionFactory connectionFactory, MessageJson json) {
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        TopicExchange exchange = new TopicExchange(Topology.EVENTS_EXCHANGE, true, false);
        Queue queue = new AnonymousQueue();
        admin.declareExchange(exchange);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with(Topology.ALL_EVENTS_PATTERN));
        container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(queue.getName());
        container.setMessageListener(message -> MessageType.fromRoutingKey(message.getMessageProperties().getType())
                .filter(type -> !type.isCommand())
                .ifPresent(type -> events.add((Event) json.read(message.getBody(), type.payloadType()))));
        container.start();
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public <T extends Event> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends Event> T await(Class<T> type, Predicate<T> matching) {
        return Awaitility.await().atMost(WAIT_MAX).until(() -> find(type, matching), Optional::isPresent).orElseThrow();
    }

    public CommandOutcome awaitOutcome(String commandId) {
        return await(CommandOutcome.class, outcome -> outcome.commandId().equals(commandId));
    }

    public <T extends Event> Optional<T> find(Class<T> type, Predicate<T> matching) {
        return events.stream().filter(type::isInstance).map(type::cast).filter(matching).findFirst();
    }

    public void clear() {
        events.clear();
    }

    @Override
    public void close() {
        container.stop();
    }
}
