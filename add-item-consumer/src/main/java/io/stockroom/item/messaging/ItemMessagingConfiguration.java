package io.stockroom.item.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.contracts.Topology;
import io.stockroom.item.catalog.adapter.out.persistence.MongoItemRepublication;
import io.stockroom.item.catalog.adapter.out.persistence.MongoItems;
import io.stockroom.item.catalog.adapter.out.persistence.MongoStockHoldings;
import io.stockroom.item.catalog.application.ItemCommands;
import io.stockroom.item.catalog.application.Items;
import io.stockroom.stock.ledger.adapter.out.persistence.MongoStockQueries;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.ReliableMessaging;
import io.stockroom.support.messaging.TopologyDeclarations;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Wires the catalogue service: its queue, its store, its command handler. */
@Configuration(proxyBeanMethods = false)
class ItemMessagingConfiguration {

    @Bean
    Declarables itemTopology(TopologyDeclarations declarations) {
        List<Declarable> all = new ArrayList<>(declarations.workQueue(Topology.ITEM_COMMANDS_QUEUE,
                Topology.COMMANDS_EXCHANGE, List.of(Topology.ITEM_COMMANDS_PATTERN)));
        // The queues the item events feed, so that none is lost before their services first start (ADR 0009).
        all.addAll(declarations.orderProjectionsQueue());
        all.addAll(declarations.stockProjectionsQueue());
        return new Declarables(all);
    }

    @Bean
    Items items(MongoTemplate mongo, Clock clock) {
        return new MongoItems(mongo, clock);
    }

    @Bean
    ItemCommandHandler itemCommandHandler(Items items, MongoTemplate mongo, MessagePublisher publisher, Clock clock,
                                          MeterRegistry meters) {
        return new ItemCommandHandler(new ItemCommands(items, new MongoStockHoldings(new MongoStockQueries(mongo))),
                publisher, clock, meters);
    }

    @Bean
    SimpleMessageListenerContainer itemCommandsContainer(ReliableMessaging messaging, ItemCommandHandler handler) {
        return messaging.commandContainer(Topology.ITEM_COMMANDS_QUEUE, handler);
    }

    /**
     * Once the service runs (its topology declared, its listeners started), announces every stored item once per
     * database, so the subscribers' copies hold items from before they existed (ADR 0009). Two instances starting
     * at once may both do it; subscribers ignore versions they already hold, so that is harmless.
     */
    @Bean
    ApplicationRunner itemRepublication(MongoTemplate mongo, MessagePublisher publisher, Clock clock,
                                        @Value("${spring.application.name}") String service,
                                        @Value("${stockroom.republication.page-size:500}") int pageSize) {
        return arguments -> MongoItemRepublication.of(mongo, publisher, service, clock, pageSize).runAtStartUp();
    }
}
