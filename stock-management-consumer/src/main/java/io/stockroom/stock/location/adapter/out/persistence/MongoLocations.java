package io.stockroom.stock.location.adapter.out.persistence;

import com.mongodb.client.MongoCollection;
import io.stockroom.support.mongo.Inserts;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.stockroom.contracts.location.LocationType;
import io.stockroom.stock.location.application.Locations;
import io.stockroom.stock.location.domain.Location;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;

/** Locations in the {@code locations} collection, keyed by their code. */
public final class MongoLocations implements Locations {

    public static final String COLLECTION = "locations";

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public MongoLocations(MongoTemplate mongo, Clock clock) {
        this.collection = mongo.getCollection(COLLECTION);
        this.clock = clock;
    }

    @Override
    public Optional<Location> find(String code) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", code)).first()).map(MongoLocations::location);
    }

    @Override
    public boolean insert(Location location) {
        Date now = Date.from(clock.instant());
        return Inserts.insertIfAbsent(collection, new Document("_id", location.code())
                .append("name", location.name())
                .append("type", location.type().name())
                .append("priority", location.priority())
                .append("active", location.active())
                .append("version", location.version())
                .append("createdAt", now)
                .append("updatedAt", now));
    }

    @Override
    public Optional<Location> describe(String code, String name, LocationType type, int priority) {
        // One conditional update: it changes the document only if the description differs, so a redelivered
        // command bumps no version and emits the same state.
        Document updated = collection.findOneAndUpdate(Filters.and(Filters.eq("_id", code),
                        Filters.or(Filters.ne("name", name), Filters.ne("type", type.name()),
                                Filters.ne("priority", priority))),
                Updates.combine(Updates.set("name", name), Updates.set("type", type.name()),
                        Updates.set("priority", priority), Updates.inc("version", 1L),
                        Updates.set("updatedAt", Date.from(clock.instant()))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return updated != null ? Optional.of(location(updated)) : find(code);
    }

    @Override
    public Optional<Location> setActive(String code, boolean active) {
        Document updated = collection.findOneAndUpdate(Filters.and(Filters.eq("_id", code), Filters.ne("active", active)),
                Updates.combine(Updates.set("active", active), Updates.inc("version", 1L),
                        Updates.set("updatedAt", Date.from(clock.instant()))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return updated != null ? Optional.of(location(updated)) : find(code);
    }

    static Location location(Document document) {
        return new Location(document.getString("_id"), document.getString("name"),
                LocationType.valueOf(document.getString("type")), document.get("priority", Number.class).intValue(),
                document.getBoolean("active", false), document.get("version", Number.class).longValue());
    }
}
