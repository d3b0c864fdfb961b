package io.stockroom.producer.account;

import io.stockroom.contracts.account.AccountChanged;
import io.stockroom.producer.account.adapter.out.persistence.MongoUsers;
import io.stockroom.producer.account.application.AccountStatusCache;
import io.stockroom.producer.account.application.Accounts;
import io.stockroom.producer.account.application.UserStore;
import io.stockroom.producer.common.KeyedRateLimiter;
import io.stockroom.producer.config.ProducerProperties;
import io.stockroom.producer.shared.MongoBuckets;
import io.stockroom.support.messaging.Actor;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishContext;
import io.stockroom.support.messaging.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

/** Wires the account feature: users in MongoDB, the per-instance status cache, registration limits. */
@Configuration(proxyBeanMethods = false)
public class AccountConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccountConfiguration.class);

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
