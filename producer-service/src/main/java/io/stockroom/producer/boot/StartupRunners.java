package io.stockroom.producer.boot;

import io.stockroom.producer.account.application.Accounts;
import io.stockroom.producer.catalogue.application.CatalogueSnapshot;
import io.stockroom.producer.catalogue.domain.ReadModel;
import io.stockroom.producer.config.ProducerProperties;
import io.stockroom.support.messaging.ReloadOnReconnect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * What runs once the context (and with it the live event consumer) has started: the read side's snapshot, then the
 * first admin. The snapshot runs after the live queue consumes, so no event falls between snapshot and stream; both
 * are applied with version checks, so their overlap is harmless.
 */
@Configuration(proxyBeanMethods = false)
class StartupRunners {

    private static final Logger log = LoggerFactory.getLogger(StartupRunners.class);

    @Bean
    @Order(1)
    ApplicationRunner readSideBootstrap(CatalogueSnapshot snapshot, ReadModel model, ReadSideStatus status) {
        return args -> {
            long started = System.nanoTime();
            long documents = snapshot.loadInto(model);
            status.markLoaded();
            log.info("Read side loaded {} documents ({} items) in {} ms", documents, model.itemCount(),
                    (System.nanoTime() - started) / 1_000_000);
        };
    }

    @Bean
    ReadSideStatus readSideStatus() {
        return new ReadSideStatus();
    }

    /**
     * The live queue is auto-deleted when its connection drops, so events published while the broker was out of
     * reach are missed. After every reconnection (not the first connection) the snapshot is read again; versions keep
     * it from undoing anything newer the stream already delivered.
     */
    @Bean
    ReloadOnReconnect readSideReloadOnReconnect(ConnectionFactory connectionFactory, CatalogueSnapshot snapshot,
                                                ReadModel model) {
        return ReloadOnReconnect.register(connectionFactory, "read side", () -> snapshot.loadInto(model));
    }

    @Bean
    @Order(2)
    ApplicationRunner adminBootstrap(Accounts accounts, ProducerProperties properties, Environment environment) {
        return args -> {
            ProducerProperties.Admin admin = properties.admin();
            boolean configured = admin.username() != null && !admin.username().isBlank()
                    && admin.password() != null && !admin.password().isBlank();
            if (configured) {
                if (accounts.ensureAdmin(admin.username(), admin.password())) {
                    log.info("Created the admin '{}' from STOCKROOM_ADMIN_USERNAME/STOCKROOM_ADMIN_PASSWORD",
                            admin.username());
                }
            } else if (environment.acceptsProfiles(Profiles.of("dev"))) {
                if (accounts.find("admin").isEmpty()) {
                    String password = generatedPassword();
                    accounts.ensureAdmin("admin", password);
                    log.warn("DEV ONLY: created admin 'admin' with generated password '{}' (shown once; set "
                            + "STOCKROOM_ADMIN_USERNAME/STOCKROOM_ADMIN_PASSWORD outside dev)", password);
                }
            } else if (accounts.find("admin").isEmpty()) {
                log.warn("No admin configured: set STOCKROOM_ADMIN_USERNAME and STOCKROOM_ADMIN_PASSWORD");
            }
        };
    }

    private static String generatedPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
