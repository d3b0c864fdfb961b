package io.stockroom.producer.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.contracts.account.AccountChanged;
import io.stockroom.producer.account.adapter.out.persistence.MongoUsers;
import io.stockroom.producer.account.application.Accounts;
import io.stockroom.producer.account.application.UserStore;
import io.stockroom.producer.catalogue.adapter.out.persistence.MongoCatalogueSnapshot;
import io.stockroom.producer.catalogue.adapter.out.persistence.MongoStockHistory;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.catalogue.application.CatalogueSnapshot;
import io.stockroom.producer.catalogue.application.ReadSideUpdates;
import io.stockroom.producer.catalogue.domain.ReadModel;
import io.stockroom.producer.command.adapter.out.persistence.MongoAdminActions;
import io.stockroom.producer.command.application.AdminActionStore;
import io.stockroom.producer.command.application.AdminCommands;
import io.stockroom.producer.command.application.CommandOutcomes;
import io.stockroom.producer.common.KeyedRateLimiter;
import io.stockroom.producer.importing.adapter.out.catalogue.CatalogueImportChecks;
import io.stockroom.producer.importing.application.ItemImport;
import io.stockroom.producer.live.adapter.in.web.LiveStreams;
import io.stockroom.producer.order.adapter.out.persistence.MongoOrderViews;
import io.stockroom.producer.order.application.LinePlanner;
import io.stockroom.producer.order.application.OrderEvents;
import io.stockroom.producer.order.application.OrderStore;
import io.stockroom.producer.order.application.Orders;
import io.stockroom.producer.security.AccountStatusCache;
import io.stockroom.producer.shared.MongoBuckets;
import io.stockroom.support.messaging.Actor;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishContext;
import io.stockroom.support.messaging.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

/** Wires the application services to their Mongo adapters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProducerProperties.class)
public class ProducerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProducerConfiguration.class);

    @Bean
    UserStore userStore(MongoTemplate mongo) {
        return new MongoUsers(mongo);
    }

    @Bean
    AccountStatusCache accountStatusCache(UserStore users) {
        return new AccountStatusCache(users);
    }

    /**
     * A change to an account's status is forgotten here at once and announced to every producer instance, which
     * forget it too (LiveEventHandler). A lost announcement is bounded by {@link AccountStatusCache#TTL}.
     */
    @Bean
    Accounts accounts(UserStore users, PasswordEncoder encoder, Clock clock, AccountStatusCache statuses,
                      MessagePublisher publisher) {
        return new Accounts(users, encoder::encode, clock, username -> {
            statuses.forget(username);
            users.find(username).ifPresent(account -> {
                try {
                    publisher.publish(new AccountChanged(account.username(), account.enabled(),
                            account.lockedUntil(), clock.instant()), new PublishContext("account:" + username,
                            null, Actor.service("producer-service")));
                } catch (PublishFailedException e) {
                    log.warn("Could not announce the change of account {} ({}); other instances see it within {}",
                            username, e.getMessage(), AccountStatusCache.TTL);
                }
            });
        });
    }

    @Bean
    AdminActionStore adminActionStore(MongoTemplate mongo) {
        return new MongoAdminActions(mongo);
    }

    @Bean
    AdminCommands adminCommands(AdminActionStore actions, MessagePublisher publisher, Clock clock,
                                MeterRegistry meters) {
        return new AdminCommands(actions, publisher, clock, meters);
    }

    @Bean
    CommandOutcomes commandOutcomes(AdminActionStore actions) {
        return new CommandOutcomes(actions);
    }

    @Bean
    ReadModel readModel() {
        return new ReadModel();
    }

    @Bean
    ReadSideUpdates readSideUpdates(ReadModel model) {
        return new ReadSideUpdates(model);
    }

    @Bean
    CatalogueSnapshot catalogueSnapshot(MongoTemplate mongo) {
        return new MongoCatalogueSnapshot(mongo);
    }

    @Bean
    Catalogue catalogue(ReadModel model, MongoTemplate mongo) {
        return new Catalogue(model, new MongoStockHistory(mongo));
    }

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

    @Bean
    ItemImport itemImport(AdminCommands commands, Catalogue catalogue) {
        return new ItemImport(commands, new CatalogueImportChecks(catalogue));
    }

    @Bean
    LiveStreams liveStreams() {
        return new LiveStreams();
    }

    @Bean
    LiveStreamsLifecycle liveStreamsLifecycle(LiveStreams streams) {
        return new LiveStreamsLifecycle(streams);
    }

    /** Registrations per client address; anonymous, so the address is all there is to limit on. */
    @Bean
    RegistrationLimit registrationLimit(ProducerProperties properties, MongoBuckets buckets) {
        ProducerProperties.Registrations limits = properties.registrations();
        return new RegistrationLimit(new KeyedRateLimiter("registrations", limits.perAddressMax(), limits.window(),
                buckets));
    }

    /** Typed holder so the limiter can be injected by type without clashing with other limiters. */
    public record RegistrationLimit(KeyedRateLimiter limiter) {
    }
}
