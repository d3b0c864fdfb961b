package io.stockroom.order.adapter.out.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.stockroom.contracts.Event;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDeleted;
import io.stockroom.contracts.item.ItemUpdated;
import io.stockroom.contracts.location.LocationChanged;
import io.stockroom.order.adapter.out.projection.SourcingProjection;
import io.stockroom.order.application.StockPlaces;
import io.stockroom.stock.ledger.adapter.out.persistence.MongoStockQueries;
import io.stockroom.support.mongo.VersionedUpserts;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The order service's own stored copy of what sourcing needs of locations and items (ADR 0009), kept from the
 * durable queue {@code order-processing.projections} by whichever instance takes each event, and read whole into an
 * instance's {@link SourcingProjection} at start-up, after a broker reconnection and periodically. Stock levels come
 * through the stock ledger's queries (the one gateway to stock, ADR 0009). Every document keeps its event's version
 * and only a newer event replaces it, so a repeated, late or concurrently applied event never undoes a newer one.
 */
public final class MongoSourcingStore {

    static final String LOCATIONS = "sourcing_locations";
    static final String ITEMS = "sourcing_items";
    private static final int BATCH_SIZE = 1_000;

    private final MongoCollection<Document> locations;
    private final MongoCollection<Document> items;
    private final MongoStockQueries stock;

    public MongoSourcingStore(MongoTemplate mongo) {
        this.locations = mongo.getCollection(LOCATIONS);
        this.items = mongo.getCollection(ITEMS);
        this.stock = new MongoStockQueries(mongo);
    }

    /**
     * Stores what these events say of locations and items, each only if newer than what is stored; other events are
     * ignored.
     */
    public void recordAll(List<Event> events) {
        List<UpdateOneModel<Document>> locationWrites = new ArrayList<>();
        List<UpdateOneModel<Document>> itemWrites = new ArrayList<>();
        for (Event event : events) {
            switch (event) {
                case LocationChanged e -> locationWrites.add(VersionedUpserts.newer(e.code(), e.version(),
                        Updates.combine(Updates.set("priority", e.priority()), Updates.set("active", e.active()))));
                case ItemCreated e -> itemWrites.add(item(e.sku(), true, e.version()));
                case ItemUpdated e -> itemWrites.add(item(e.sku(), true, e.version()));
                case ItemDeleted e -> itemWrites.add(item(e.sku(), false, e.version()));
                default -> { }
            }
        }
        VersionedUpserts.applyAll(locations, locationWrites);
        VersionedUpserts.applyAll(items, itemWrites);
    }

    /** Reads every stored location and item, then every stock record, into the projection; says how many. */
    public long loadInto(SourcingProjection projection) {
        long read = loadPlacesAndItemsInto(projection);
        long[] records = {0};
        stock.forEachLevel(level -> {
            projection.observed(level);
            records[0]++;
        });
        return read + records[0];
    }

    /** Reads every stored location and item into the projection; says how many. */
    public long loadPlacesAndItemsInto(SourcingProjection projection) {
        long[] read = {0};
        locations.find().batchSize(BATCH_SIZE).forEach(location -> {
            projection.location(new StockPlaces.Place(location.getString("_id"),
                    location.get("priority", Number.class).intValue(), location.getBoolean("active", false)),
                    version(location));
            read[0]++;
        });
        items.find().batchSize(BATCH_SIZE).forEach(item -> {
            projection.item(item.getString("_id"), item.getBoolean("live", false), version(item));
            read[0]++;
        });
        return read[0];
    }

    private static UpdateOneModel<Document> item(String sku, boolean live, long version) {
        return VersionedUpserts.newer(sku, version, Updates.set("live", live));
    }

    private static long version(Document document) {
        Number version = document.get("version", Number.class);
        return version == null ? 0 : version.longValue();
    }
}
