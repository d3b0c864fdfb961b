package io.stockroom.health.monitoring.adapter.out.persistence;

import io.stockroom.health.monitoring.application.DatabaseProbe;
import io.stockroom.health.monitoring.domain.ComponentCheck;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Instant;

/**
 * The database row: a {@code ping} on the shared database (every service keeps its state there), timed. The caller
 * bounds the wait; a ping that fails or does not come back counts as DOWN.
 */
public final class MongoPingProbe implements DatabaseProbe {

    private final MongoTemplate mongo;
    private final Clock clock;

    public MongoPingProbe(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public ComponentCheck check() {
        long started = System.nanoTime();
        try {
            mongo.executeCommand(new Document("ping", 1));
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new ComponentCheck(true, "answers (ping " + millis + " ms)", Instant.now(clock));
        } catch (RuntimeException e) {
            return new ComponentCheck(false, "does not answer: " + e.getClass().getSimpleName(), Instant.now(clock));
        }
    }
}
