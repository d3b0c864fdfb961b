package io.stockroom.stock.location.adapter.out.persistence;

import io.stockroom.contracts.location.LocationChanged;
import io.stockroom.stock.location.domain.Location;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.mongo.Republication;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * Re-announces every stored location once per database (ADR 0009), so that the order service's copy
 * ({@code sourcing_locations}) holds locations that existed before it did. Each is announced as a
 * {@link LocationChanged} ({@code UPDATED}: the whole state again, as every subscriber applies it) at its stored
 * version; completion is recorded in {@code location_republications}.
 */
public final class MongoLocationRepublication {

    public static final String MARKERS = "location_republications";

    private MongoLocationRepublication() {
    }

    public static Republication of(MongoTemplate mongo, MessagePublisher publisher, String service, Clock clock,
                                   int pageSize) {
        return new Republication("locations", mongo.getCollection(MongoLocations.COLLECTION),
                mongo.getCollection(MARKERS), document -> event(document, clock), publisher, service, clock,
                pageSize);
    }

    /** The location's current state as its event; it happened when the location was last stored. */
    static LocationChanged event(Document document, Clock clock) {
        Location location = MongoLocations.location(document);
        Date updatedAt = document.getDate("updatedAt");
        Instant at = updatedAt != null ? updatedAt.toInstant() : clock.instant();
        return new LocationChanged(location.code(), location.name(), location.type(), location.priority(),
                location.active(), LocationChanged.Change.UPDATED, location.version(), at);
    }
}
