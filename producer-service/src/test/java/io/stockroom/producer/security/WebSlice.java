package io.stockroom.producer.security;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stockroom.producer.account.adapter.out.persistence.MongoUsers;
import io.stockroom.producer.account.application.AccountStatusCache;
import io.stockroom.producer.account.application.Accounts;
import io.stockroom.producer.account.application.UserStore;
import io.stockroom.producer.config.ProducerProperties;
import io.stockroom.producer.shared.MongoBuckets;
import io.stockroom.store.embedded.EmbeddedMemoryBackend;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.net.InetSocketAddress;
import java.time.Clock;

/**
 * What a {@code @WebMvcTest} slice of a producer controller needs to run the producer's real security: both filter
 * chains of {@link SecurityConfiguration} (roles per path, problem-JSON refusals, CSRF, account status on every
 * request), with accounts and login throttling stored by their real MongoDB adapters in the in-process
 * MongoDB-wire store the embedded run uses. Only one thing differs from the running service: {@link Accounts} does
 * not announce status changes to other instances, since that needs the broker, which a slice does not start.
 * Import it with {@code @Import(WebSlice.class)}; {@link #register} adds a user.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
@EnableConfigurationProperties(ProducerProperties.class)
public class WebSlice {

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedStore() {
        return new MongoServer(new EmbeddedMemoryBackend());
    }

    @Bean(destroyMethod = "close")
    MongoClient embeddedStoreClient(MongoServer server) {
        InetSocketAddress address = server.bind();
        return MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    @Bean
    MongoTemplate mongoTemplate(MongoClient client) {
        return new MongoTemplate(client, "producer_web_slice");
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    UserStore userStore(MongoTemplate mongo) {
        return new MongoUsers(mongo);
    }

    @Bean
    AccountStatusCache accountStatusCache(UserStore users) {
        return new AccountStatusCache(users);
    }

    @Bean
    Accounts accounts(UserStore users, PasswordEncoder encoder, Clock clock) {
        return new Accounts(users, encoder::encode, clock);
    }

    @Bean
    MongoBuckets mongoBuckets(MongoTemplate mongo) {
        MongoBuckets buckets = new MongoBuckets(mongo.getCollection("rate_limits"));
        buckets.createIndexes();
        return buckets;
    }

    /** Registers a user (a shopper) unless it exists; the password must satisfy the account rules. */
    public static void register(Accounts accounts, String username, String password) {
        if (accounts.find(username).isEmpty()) {
            accounts.register(username, password);
        }
    }
}
