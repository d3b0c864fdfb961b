package io.stockroom.producer.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;

import java.time.Clock;
import java.time.Duration;

/**
 * Sessions and rate-limit buckets in MongoDB (see the package description). Spring Session's filter replaces the
 * container's in-memory sessions; Boot's session auto-configuration applies {@code server.servlet.session.cookie.*}
 * to its cookie, and {@code server.servlet.session.timeout} is the idle timeout here.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SharedStateConfiguration {

    static final String SESSIONS = "sessions";
    static final String RATE_LIMITS = "rate_limits";

    @Bean
    MongoSessionRepository sessionRepository(MongoTemplate mongo, Clock clock,
                                             @Value("${server.servlet.session.timeout:30m}") Duration idleTimeout) {
        MongoSessionRepository sessions = new MongoSessionRepository(mongo.getCollection(SESSIONS), idleTimeout,
                clock);
        sessions.createIndexes();
        return sessions;
    }

    @Bean
    MongoBuckets mongoBuckets(MongoTemplate mongo) {
        MongoBuckets buckets = new MongoBuckets(mongo.getCollection(RATE_LIMITS));
        buckets.createIndexes();
        return buckets;
    }
}
