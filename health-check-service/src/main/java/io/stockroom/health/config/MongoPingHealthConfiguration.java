package io.stockroom.health.config;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The {@code mongo} health component, answered by a {@code ping} on the service's database. Spring Boot 4's own
 * indicator sends {@code hello}, which the embedded MongoDB-wire server (mongo-java-server 1.47) does not know, so it
 * reports DOWN against a store that works; {@code ping} behaves the same on a real MongoDB and on the embedded one.
 * Declared under Boot's bean name, which switches Boot's indicator off.
 */
@Configuration(proxyBeanMethods = false)
public class MongoPingHealthConfiguration {

    @Bean("mongoHealthIndicator")
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new AbstractHealthIndicator("MongoDB ping failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                Document answer = mongo.executeCommand(new Document("ping", 1));
                builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", answer.get("ok"));
            }
        };
    }
}
