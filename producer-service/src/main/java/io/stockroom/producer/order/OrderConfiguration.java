package io.stockroom.producer.order;

import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.command.application.AdminCommands;
import io.stockroom.producer.common.KeyedRateLimiter;
import io.stockroom.producer.config.ProducerProperties;
import io.stockroom.producer.order.adapter.out.persistence.MongoOrderViews;
import io.stockroom.producer.order.application.LinePlanner;
import io.stockroom.producer.order.application.OrderEvents;
import io.stockroom.producer.order.application.OrderStore;
import io.stockroom.producer.order.application.Orders;
import io.stockroom.producer.shared.MongoBuckets;
import io.stockroom.support.messaging.MessagePublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;

/** Wires the order feature: the order views in MongoDB, placement (rate limited per user), line planning. */
@Configuration(proxyBeanMethods = false)
public class OrderConfiguration {

    @Bean
    OrderStore orderStore(MongoTemplate mongo) {
        return new MongoOrderViews(mongo);
    }

    @Bean
    Orders orders(OrderStore store, MessagePublisher publisher, AdminCommands commands, ProducerProperties properties,
                  MongoBuckets buckets, Clock clock, MeterRegistry meters, Catalogue catalogue) {
        ProducerProperties.Orders limits = properties.orders();
        return new Orders(store, publisher, commands,
                new KeyedRateLimiter("orders", limits.perUserMax(), limits.window(), buckets), clock, meters,
                sku -> catalogue.item(sku).map(item -> item.details().price()));
    }

    @Bean
    LinePlanner linePlanner(Catalogue catalogue) {
        return new LinePlanner(catalogue);
    }

    @Bean
    OrderEvents orderEvents(OrderStore store) {
        return new OrderEvents(store);
    }
}
