package io.stockroom.support.messaging;

import io.stockroom.contracts.Topology;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the declarations a service needs, so a fresh broker works and every service declares the same thing the
 * same way (declaring is idempotent as long as the arguments agree). On RabbitMQ, work queues are quorum queues
 * (replicated, with a delivery limit and at-least-once dead-lettering as a backstop); on the embedded Qpid broker
 * they are plain durable queues, because Qpid has no quorum queues (ADR 0003). Our own dead-lettering, with the
 * reason in headers, works on both.
 */
public final class TopologyDeclarations {

    private final boolean qpid;
    private final int deliveryLimit;

    public TopologyDeclarations(boolean qpid, int deliveryLimit) {
        this.qpid = qpid;
        this.deliveryLimit = deliveryLimit;
    }

    /** The three exchanges; every service declares them. */
    public List<Declarable> exchanges() {
        return List.of(new TopicExchange(Topology.COMMANDS_EXCHANGE, true, false),
                new TopicExchange(Topology.EVENTS_EXCHANGE, true, false),
                new DirectExchange(Topology.DEAD_LETTER_EXCHANGE, true, false));
    }

    /**
     * A durable work queue with its DLQ, bound to {@code exchange} with each pattern. Competing instances of one
     * service share it.
     */
    public List<Declarable> workQueue(String queue, String exchange, List<String> patterns) {
        List<Declarable> declarables = new ArrayList<>(exchanges());
        Queue work = durable(queue).build();
        Queue deadLetters = durable(Topology.deadLetterQueue(queue)).build();
        declarables.add(work);
        declarables.add(deadLetters);
        declarables.add(BindingBuilder.bind(deadLetters).to(new DirectExchange(Topology.DEAD_LETTER_EXCHANGE))
                .with(queue));
        patterns.forEach(pattern -> declarables.add(bind(work, exchange, pattern)));
        return declarables;
    }

    /**
     * The order service's durable queue of location and item events (ADR 0009). Their publishers declare it too, so
     * an event published before the order service first started still waits for it.
     */
    public List<Declarable> orderProjectionsQueue() {
        return workQueue(Topology.ORDER_PROJECTIONS_QUEUE, Topology.EVENTS_EXCHANGE, Topology.routingKeys(
                Topology.orderProjectionsTypes()));
    }

    /** Stock management's durable queue of item events (ADR 0009); the item events' publisher declares it too. */
    public List<Declarable> stockProjectionsQueue() {
        return workQueue(Topology.STOCK_PROJECTIONS_QUEUE, Topology.EVENTS_EXCHANGE, Topology.routingKeys(
                Topology.stockProjectionsTypes()));
    }

    /**
     * A queue of this instance only (its in-memory read side): not durable, deleted once its consumer is gone, since
     * a new instance rebuilds its state from the store.
     */
    public List<Declarable> instanceQueue(String queue, String exchange, List<String> patterns) {
        List<Declarable> declarables = new ArrayList<>(exchanges());
        Queue own = QueueBuilder.nonDurable(queue).autoDelete().build();
        declarables.add(own);
        patterns.forEach(pattern -> declarables.add(bind(own, exchange, pattern)));
        return declarables;
    }

    private QueueBuilder durable(String name) {
        QueueBuilder builder = QueueBuilder.durable(name);
        if (qpid) {
            return builder;
        }
        builder.quorum().deliveryLimit(deliveryLimit);
        if (!name.endsWith(".dlq")) {
            // Broker-side backstop: a message that keeps crashing its consumer is dead-lettered after the limit.
            builder.deadLetterExchange(Topology.DEAD_LETTER_EXCHANGE).deadLetterRoutingKey(name)
                    .overflow(QueueBuilder.Overflow.rejectPublish)
                    .withArgument("x-dead-letter-strategy", "at-least-once");
        }
        return builder;
    }

    private static Binding bind(Queue queue, String exchange, String pattern) {
        return BindingBuilder.bind(queue).to(new TopicExchange(exchange)).with(pattern);
    }
}
