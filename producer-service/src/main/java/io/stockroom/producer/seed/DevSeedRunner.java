package io.stockroom.producer.seed;

import io.stockroom.producer.catalogue.domain.ReadModel;
import io.stockroom.producer.command.application.AdminCommands;
import io.stockroom.producer.config.ProducerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;

/** In the dev profile only: seeds the demo catalogue when the stored catalogue is empty. */
@Configuration(proxyBeanMethods = false)
@Profile("dev")
class DevSeedRunner {

    private static final Logger log = LoggerFactory.getLogger(DevSeedRunner.class);

    @Bean
    @Order(3)
    ApplicationRunner devSeed(AdminCommands commands, ReadModel model, MongoTemplate mongo,
                              ProducerProperties properties) {
        return args -> {
            if (model.itemCount() > 0 || mongo.getCollection("items").estimatedDocumentCount() > 0) {
                return;
            }
            String admin = properties.admin().username() == null || properties.admin().username().isBlank()
                    ? "admin" : properties.admin().username().strip().toLowerCase(java.util.Locale.ROOT);
            try {
                int sent = new DevSeed(commands).seed(admin);
                log.info("DEV ONLY: seeded the demo catalogue ({} commands sent as '{}')", sent, admin);
            } catch (RuntimeException e) {
                // A dev convenience must not stop the service; the next start tries again (ids are fixed).
                log.warn("DEV ONLY: could not seed the demo catalogue: {}", e.toString());
            }
        };
    }
}
