package io.stockroom.order.adapter.out.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import io.stockroom.order.adapter.out.projection.SourcingProjection;
import io.stockroom.order.application.StockPlaces;
import io.stockroom.stock.ledger.adapter.out.persistence.MongoStockQueries;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Fills the sourcing projection at start-up (and after a broker reconnection) from what is stored: every location
 * and item, read-only and by their owners' document shapes, and every stock record through the ledger's queries.
 * Events keep the projection current afterwards; versions make the order of snapshot and events irrelevant.
 */
public final class MongoSourcingSnapshot {

    private static final int BATCH_SIZE = 1_000;

    private final MongoCollection<Document> locations;
    private final MongoCollection<Document> items;
    private final MongoStockQueries stock;

    public MongoSourcingSnapshot(MongoTemplate mongo) {
        this.locations = mongo.getCollection("locations");
        this.items = mongo.getCollection("items");
        this.stock = new MongoStockQueries(mongo);
    }

    /** @return how many documents were read */
    public long loadInto(SourcingProjection projection) {
        long[] read = {0};
        locations.find().projection(Projections.include("priority", "active", "version")).batchSize(BATCH_SIZE)
                .forEach(location -> {
                    Number priority = location.get("priority", Number.class);
                    projection.location(new StockPlaces.Place(location.getString("_id"),
                            priority == null ? Integer.MAX_VALUE : priority.intValue(),
                            location.getBoolean("active", false)), version(location));
                    read[0]++;
                });
        items.find().projection(Projections.include("deleted", "version")).batchSize(BATCH_SIZE).forEach(item -> {
            projection.item(item.getString("_id"), !item.getBoolean("deleted", false), version(item));
            read[0]++;
        });
        stock.forEachLevel(level -> {
            projection.observed(level);
            read[0]++;
        });
        return read[0];
    }

    private static long version(Document document) {
        Number version = document.get("version", Number.class);
        return version == null ? 0 : version.longValue();
    }
}
