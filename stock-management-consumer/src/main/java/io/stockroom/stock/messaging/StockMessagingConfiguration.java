package io.stockroom.stock.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.contracts.Topology;
import io.stockroom.contracts.item.ItemEvent;
import io.stockroom.stock.audit.adapter.in.scheduling.InvariantAuditor;
import io.stockroom.stock.audit.application.StockAudit;
import io.stockroom.stock.ledger.adapter.out.persistence.MongoStockLedger;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.stock.location.adapter.out.persistence.MongoLocationRepublication;
import io.stockroom.stock.location.adapter.out.persistence.MongoLocations;
import io.stockroom.stock.location.application.LocationCommands;
import io.stockroom.stock.location.application.Locations;
import io.stockroom.stock.movement.adapter.out.persistence.MongoCatalog;
import io.stockroom.stock.movement.application.Catalog;
import io.stockroom.stock.movement.application.ItemCheck;
import io.stockroom.stock.movement.application.StockCommands;
import io.stockroom.support.messaging.EventBatchHandler;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.QueueCatchUp;
import io.stockroom.support.messaging.ReliableMessaging;
import io.stockroom.support.messaging.TopologyDeclarations;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
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

/** Wires the stock service: its command queue, its queue of item events, its stores, its application services. */
@Configuration(proxyBeanMethods = false)
class StockMessagingConfiguration {

    @Bean
    Declarables stockTopology(TopologyDeclarations declarations) {
        List<Declarable> all = new ArrayList<>(declarations.workQueue(Topology.STOCK_COMMANDS_QUEUE,
                Topology.COMMANDS_EXCHANGE, List.of(Topology.STOCK_COMMANDS_PATTERN,
                        Topology.LOCATION_COMMANDS_PATTERN)));
        all.addAll(declarations.stockProjectionsQueue());
        // The location events feed the order service's queue: declared here too, so none is lost (ADR 0009).
        all.addAll(declarations.orderProjectionsQueue());
        return new Declarables(all);
    }

    @Bean
    Catalog catalog(MongoTemplate mongo) {
        return new MongoCatalog(mongo);
    }

    /** The service's own copy of the items, kept from item events on its durable queue (ADR 0009). */
    @Bean
    SimpleMessageListenerContainer catalogEventsContainer(ReliableMessaging messaging, Catalog catalog) {
        return messaging.eventContainer(Topology.STOCK_PROJECTIONS_QUEUE, new EventBatchHandler<>(ItemEvent.class,
                Topology.stockProjectionsTypes(), catalog::recordAll));
    }

    /** Tells commands whether a missing item may still be on its way in the queue above (see {@link ItemCheck}). */
    @Bean
    QueueCatchUp catalogCatchUp(AmqpAdmin admin, Clock clock) {
        return new QueueCatchUp(admin, Topology.STOCK_PROJECTIONS_QUEUE, clock);
    }

    @Bean
    StockLedger stockLedger(MongoTemplate mongo, Catalog catalog, Clock clock) {
        return new MongoStockLedger(mongo, sku -> catalog.lowStockThresholdOf(sku).orElse(0), clock);
    }

    @Bean
    Locations locations(MongoTemplate mongo, Clock clock) {
        return new MongoLocations(mongo, clock);
    }

    @Bean
    StockCommandHandler stockCommandHandler(StockLedger ledger, Locations locations, Catalog catalog,
                                            QueueCatchUp catalogCatchUp, MessagePublisher publisher, Clock clock,
                                            @Value("${stockroom.stock.item-arrival-grace:10s}") Duration grace) {
        ItemCheck itemCheck = new ItemCheck(catalog, catalogCatchUp::caughtUpAt, grace);
        return new StockCommandHandler(new LocationCommands(locations), new StockCommands(ledger, locations, itemCheck),
                new StockAudit(ledger), publisher, clock);
    }

    @Bean
    SimpleMessageListenerContainer stockCommandsContainer(ReliableMessaging messaging, StockCommandHandler handler) {
        return messaging.commandContainer(Topology.STOCK_COMMANDS_QUEUE, handler);
    }

    @Bean
    InvariantAuditor invariantAuditor(StockLedger ledger, MeterRegistry meters) {
        return new InvariantAuditor(ledger, meters);
    }

    /**
     * Once the service runs (its topology declared, its listeners started), announces every stored location once
     * per database, so the order service's copy holds locations from before it existed (ADR 0009). Two instances
     * starting at once may both do it; subscribers ignore versions they already hold, so that is harmless.
     */
    @Bean
    ApplicationRunner locationRepublication(MongoTemplate mongo, MessagePublisher publisher, Clock clock,
                                            @Value("${spring.application.name}") String service,
                                            @Value("${stockroom.republication.page-size:500}") int pageSize) {
        return arguments -> MongoLocationRepublication.of(mongo, publisher, service, clock, pageSize)
                .runAtStartUp();
    }
}
