package io.stockroom.order.adapter.in.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.contracts.Topology;
import io.stockroom.order.adapter.out.metrics.MicrometerOrderMetrics;
import io.stockroom.order.adapter.out.persistence.MongoOrders;
import io.stockroom.order.adapter.out.persistence.MongoStockPlaces;
import io.stockroom.order.application.OrderLifecycle;
import io.stockroom.order.application.OrderPlacement;
import io.stockroom.order.application.Orders;
import io.stockroom.stock.ledger.adapter.out.persistence.MongoStockLedger;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.ReliableMessaging;
import io.stockroom.support.messaging.TopologyDeclarations;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Wires the order service: its queue, its stores, its application services. */
@Configuration(proxyBeanMethods = false)
class OrderMessagingConfiguration {

    @Bean
    Declarables orderTopology(TopologyDeclarations declarations) {
        return new Declarables(declarations.workQueue(Topology.ORDER_COMMANDS_QUEUE, Topology.COMMANDS_EXCHANGE,
                List.of(Topology.ORDER_COMMANDS_PATTERN)));
    }

    @Bean
    Orders orders(MongoTemplate mongo, Clock clock) {
        return new MongoOrders(mongo, clock);
    }

    /** Reservations never create a stock record, so the default threshold for new records is never used. */
    @Bean
    StockLedger stockLedger(MongoTemplate mongo, Clock clock) {
        return new MongoStockLedger(mongo, sku -> 0, clock);
    }

    @Bean
    OrderCommandHandler orderCommandHandler(Orders orders, StockLedger ledger, MongoTemplate mongo,
                                            MessagePublisher publisher, MeterRegistry meters, Clock clock,
                                            @Value("${stockroom.orders.placement-grace:10s}") Duration grace) {
        return new OrderCommandHandler(
                new OrderPlacement(orders, ledger, new MongoStockPlaces(mongo), new MicrometerOrderMetrics(meters)),
                new OrderLifecycle(orders, ledger, grace), publisher, clock);
    }

    @Bean
    SimpleMessageListenerContainer orderCommandsContainer(ReliableMessaging messaging, OrderCommandHandler handler) {
        return messaging.commandContainer(Topology.ORDER_COMMANDS_QUEUE, handler);
    }
}
