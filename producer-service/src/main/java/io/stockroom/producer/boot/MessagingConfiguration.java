package io.stockroom.producer.boot;

import io.stockroom.contracts.Topology;
import io.stockroom.producer.account.application.AccountStatusCache;
import io.stockroom.producer.catalogue.application.ReadSideUpdates;
import io.stockroom.producer.command.application.CommandOutcomes;
import io.stockroom.producer.live.adapter.in.messaging.LiveEventHandler;
import io.stockroom.producer.live.adapter.in.web.LiveStreams;
import io.stockroom.producer.order.application.OrderEvents;
import io.stockroom.producer.projection.ProjectionsHandler;
import io.stockroom.support.messaging.ReliableMessaging;
import io.stockroom.support.messaging.TopologyDeclarations;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The producer's queues. Commands: the producer also declares the consumers' command queues (same arguments, so
 * idempotent), so a command sent before a consumer's first start waits in its queue instead of bouncing as
 * unroutable. Events: a durable queue shared by all instances for stored projections, and a per-instance queue for
 * the in-memory read side and live pushes.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /** This instance's live queue: non-durable, auto-deleted, named uniquely per process. */
    @Bean
    LiveQueueName liveQueueName() {
        return new LiveQueueName(Topology.PRODUCER_LIVE_QUEUE_PREFIX + UUID.randomUUID());
    }

    record LiveQueueName(String value) {
    }

    @Bean
    Declarables producerTopology(TopologyDeclarations declarations, LiveQueueName live) {
        List<Declarable> all = new ArrayList<>();
        all.addAll(declarations.workQueue(Topology.ITEM_COMMANDS_QUEUE, Topology.COMMANDS_EXCHANGE,
                List.of(Topology.ITEM_COMMANDS_PATTERN)));
        all.addAll(declarations.workQueue(Topology.STOCK_COMMANDS_QUEUE, Topology.COMMANDS_EXCHANGE,
                List.of(Topology.STOCK_COMMANDS_PATTERN, Topology.LOCATION_COMMANDS_PATTERN)));
        all.addAll(declarations.workQueue(Topology.ORDER_COMMANDS_QUEUE, Topology.COMMANDS_EXCHANGE,
                List.of(Topology.ORDER_COMMANDS_PATTERN)));
        all.addAll(declarations.workQueue(Topology.PRODUCER_PROJECTIONS_QUEUE, Topology.EVENTS_EXCHANGE,
                ProjectionsHandler.routingKeys()));
        all.addAll(declarations.instanceQueue(live.value(), Topology.EVENTS_EXCHANGE,
                List.of(Topology.ALL_EVENTS_PATTERN)));
        // The live queue has no DLQ of its own; what it cannot process lands in the projections DLQ with the reason.
        all.add(BindingBuilder.bind(new Queue(Topology.deadLetterQueue(Topology.PRODUCER_PROJECTIONS_QUEUE)))
                .to(new DirectExchange(Topology.DEAD_LETTER_EXCHANGE)).with(live.value()));
        return new Declarables(all.stream().distinct().toList());
    }

    @Bean
    ProjectionsHandler projectionsHandler(CommandOutcomes outcomes, OrderEvents orders) {
        return new ProjectionsHandler(outcomes, orders);
    }

    @Bean
    SimpleMessageListenerContainer projectionsContainer(ReliableMessaging messaging, ProjectionsHandler handler) {
        return messaging.eventContainer(Topology.PRODUCER_PROJECTIONS_QUEUE, handler);
    }

    @Bean
    LiveEventHandler liveEventHandler(ReadSideUpdates readSide, LiveStreams streams, AccountStatusCache accounts) {
        return new LiveEventHandler(readSide, streams, changed -> accounts.forget(changed.username()));
    }

    @Bean
    SimpleMessageListenerContainer liveContainer(ReliableMessaging messaging, LiveEventHandler handler,
                                                 LiveQueueName live) {
        SimpleMessageListenerContainer container = messaging.eventContainer(live.value(), handler);
        // One consumer, so this instance applies events in the order they were published: a command's outcome
        // (published after the changes it reports) reaches a browser only once those changes are in the read side,
        // and the page it makes refresh shows them. The work per event is in memory; batches keep it cheap.
        container.setConcurrentConsumers(1);
        return container;
    }
}
