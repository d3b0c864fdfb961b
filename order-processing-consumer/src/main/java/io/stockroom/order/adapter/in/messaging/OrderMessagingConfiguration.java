package io.stockroom.order.adapter.in.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.contracts.Event;
import io.stockroom.contracts.Topology;
import io.stockroom.order.adapter.out.metrics.MicrometerOrderMetrics;
import io.stockroom.order.adapter.out.persistence.MongoOrders;
import io.stockroom.order.adapter.out.persistence.MongoSourcingStore;
import io.stockroom.order.adapter.out.projection.SourcingProjection;
import io.stockroom.order.application.BatchPlacement;
import io.stockroom.order.application.OrderLifecycle;
import io.stockroom.order.application.OrderMetrics;
import io.stockroom.order.application.OrderPlacement;
import io.stockroom.order.application.OrderStore;
import io.stockroom.stock.ledger.adapter.out.persistence.MongoStockLedger;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.support.messaging.EventBatchHandler;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.QueueCatchUp;
import io.stockroom.support.messaging.ReliableMessaging;
import io.stockroom.support.messaging.ReloadOnReconnect;
import io.stockroom.support.messaging.TopologyDeclarations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Wires the order service: its command queue, its durable queue that keeps its stored copy of locations and items,
 * its own queue of the events sourcing needs, its stores, its application services. Orders are taken only once the
 * sourcing projection holds the stored state: the command container starts after the snapshot is read (the event
 * queues are consumed before, so nothing falls between).
 */
@Configuration(proxyBeanMethods = false)
class OrderMessagingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OrderMessagingConfiguration.class);

    /** This instance's queue of sourcing events: not durable, deleted with the instance, named per process. */
    record SourcingQueueName(String value) {
    }

    @Bean
    SourcingQueueName sourcingQueueName() {
        return new SourcingQueueName(Topology.ORDER_SOURCING_QUEUE_PREFIX + UUID.randomUUID());
    }

    @Bean
    Declarables orderTopology(TopologyDeclarations declarations, SourcingQueueName sourcing) {
        List<Declarable> all = new ArrayList<>(declarations.workQueue(Topology.ORDER_COMMANDS_QUEUE,
                Topology.COMMANDS_EXCHANGE, List.of(Topology.ORDER_COMMANDS_PATTERN)));
        all.addAll(declarations.orderProjectionsQueue());
        all.addAll(declarations.instanceQueue(sourcing.value(), Topology.EVENTS_EXCHANGE,
                SourcingEventHandler.routingKeys()));
        return new Declarables(all.stream().distinct().toList());
    }

    @Bean
    SourcingProjection sourcingProjection() {
        return new SourcingProjection();
    }

    @Bean
    MongoSourcingStore sourcingStore(MongoTemplate mongo) {
        return new MongoSourcingStore(mongo);
    }

    @Bean
    OrderStore orders(MongoTemplate mongo, Clock clock) {
        return new MongoOrders(mongo, clock);
    }

    /** Reservations never create a stock record, so the default threshold for new records is never used. */
    @Bean
    StockLedger stockLedger(MongoTemplate mongo, Clock clock) {
        return new MongoStockLedger(mongo, sku -> 0, clock);
    }

    @Bean
    OrderMetrics orderMetrics(MeterRegistry meters) {
        return new MicrometerOrderMetrics(meters);
    }

    @Bean
    BatchPlacement batchPlacement(OrderStore orders, StockLedger ledger, SourcingProjection places, OrderMetrics metrics) {
        return new BatchPlacement(orders, ledger, places, new OrderPlacement(orders, ledger, places, metrics),
                metrics);
    }

    @Bean
    OrderCommandHandler orderCommandHandler(BatchPlacement placement, OrderStore orders, StockLedger ledger,
                                            SourcingProjection places, MessagePublisher publisher, Clock clock,
                                            @Value("${stockroom.orders.placement-grace:10s}") Duration grace) {
        return new OrderCommandHandler(placement, new OrderLifecycle(orders, ledger, places, grace), publisher,
                clock);
    }

    /** Started by {@link #takeOrdersOnceSourcingIsLoaded}, not with the context. */
    @Bean
    SimpleMessageListenerContainer orderCommandsContainer(ReliableMessaging messaging, OrderCommandHandler handler) {
        SimpleMessageListenerContainer container = messaging.commandContainer(Topology.ORDER_COMMANDS_QUEUE, handler);
        container.setAutoStartup(false);
        return container;
    }

    @Bean
    SimpleMessageListenerContainer sourcingEventsContainer(ReliableMessaging messaging, SourcingProjection projection,
                                                           SourcingQueueName sourcing) {
        return messaging.eventContainer(sourcing.value(), new SourcingEventHandler(projection));
    }

    /** The service's stored copy of locations and items, shared by its instances (ADR 0009). */
    @Bean
    SimpleMessageListenerContainer sourcingStoreContainer(ReliableMessaging messaging, MongoSourcingStore store,
                                                          SourcingProjection projection) {
        // The instance's projection takes each event too: one that waited in the durable queue while no instance ran
        // reached no instance's own queue.
        return messaging.eventContainer(Topology.ORDER_PROJECTIONS_QUEUE, new EventBatchHandler<>(Event.class,
                Topology.orderProjectionsTypes(), events -> {
                    store.recordAll(events);
                    events.forEach(projection::apply);
                }));
    }

    /** When the durable queue of location and item events (it keeps those sent while no instance ran) is read. */
    @Bean
    QueueCatchUp sourcingCatchUp(AmqpAdmin admin, Clock clock) {
        return new QueueCatchUp(admin, Topology.ORDER_PROJECTIONS_QUEUE, clock);
    }

    /**
     * Orders are taken once the projection holds the stored copy and the events that queued up while no instance ran
     * (or after {@code stockroom.orders.catch-up-max}, with a warning: an order can then at worst be refused for an
     * item or location the copy has not read yet, never oversold).
     */
    @Bean
    ApplicationRunner takeOrdersOnceSourcingIsLoaded(
            MongoSourcingStore store, SourcingProjection projection, QueueCatchUp sourcingCatchUp,
            SimpleMessageListenerContainer orderCommandsContainer,
            @Value("${stockroom.orders.catch-up-max:30s}") Duration catchUpMax) {
        return arguments -> {
            long started = System.nanoTime();
            long documents = store.loadInto(projection);
            if (!sourcingCatchUp.awaitCaughtUp(catchUpMax)) {
                log.warn("{} still holds unread events after {}; taking orders anyway",
                        Topology.ORDER_PROJECTIONS_QUEUE, catchUpMax);
            }
            log.info("Sourcing projection loaded from {} documents ({}) in {} ms; taking orders", documents,
                    projection.size(), (System.nanoTime() - started) / 1_000_000);
            orderCommandsContainer.start();
        };
    }

    @Bean
    ReloadOnReconnect sourcingReloadOnReconnect(ConnectionFactory connectionFactory, MongoSourcingStore store,
                                                SourcingProjection projection) {
        return ReloadOnReconnect.register(connectionFactory, "sourcing projection", () -> store.loadInto(projection));
    }

    /**
     * Reads the stored locations and items again every period: an event that waited in the durable queue from before
     * this instance's own queue existed may be stored by another instance after this one's start-up read; versions
     * make the reread harmless. It runs beside the order path, never on it.
     */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService sourcingRefresh(MongoSourcingStore store, SourcingProjection projection,
                                             @Value("${stockroom.orders.sourcing-refresh:30s}") Duration period) {
        ScheduledExecutorService refresh = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("sourcing-refresh").factory());
        refresh.scheduleWithFixedDelay(() -> {
            try {
                store.loadPlacesAndItemsInto(projection);
            } catch (RuntimeException e) {
                log.warn("Sourcing refresh failed; the next one tries again: {}", e.toString());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return refresh;
    }
}
