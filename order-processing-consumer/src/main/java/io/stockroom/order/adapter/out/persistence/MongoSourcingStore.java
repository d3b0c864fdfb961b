package io.stockroom.order.adapter.out.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.stockroom.contracts.Event;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDeleted;
import io.stockroom.contracts.item.ItemUpdated;
import io.stockroom.contracts.location.LocationChanged;
import io.stockroom.order.adapter.out.projection.SourcingProjection;
import io.stockroom.order.application.SourcingStore;
import io.stockroom.order.application.StockPlaces;
import io.stockroom.stock.ledger.adapter.out.persistence.MongoStockQueries;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The order service's own stored copy of what sourcing needs of locations and items (ADR 0008), kept from the
 * durable queue {@code order-processing.projections} by whichever instance takes each event, and read whole into an
 * instance's {@link SourcingProjection} at start-up, after a broker reconnection and periodically. Stock levels come
 * through the stock ledger's queries (the one gateway to stock, ADR 0008). Every document keeps its event's version
 * and only a newer event replaces it, so a repeated, late or concurrently applied event never undoes a newer one.
 */
public final class MongoSourcingStore implements SourcingStore {

    static final String LOCATIONS = "sourcing_locations";
    static final String ITEMS = "sourcing_items";
    private static final int DUPLICATE_KEY = 11000;
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
    @Override
    public void recordAll(List<Event> events) {
        List<UpdateOneModel<Document>> locationWrites = new ArrayList<>();
        List<UpdateOneModel<Document>> itemWrites = new ArrayList<>();
        for (Event event : events) {
            switch (event) {
                case LocationChanged e -> locationWrites.add(newer(e.code(), e.version(),
                        Updates.combine(Updates.set("priority", e.priority()), Updates.set("active", e.active()))));
                case ItemCreated e -> itemWrites.add(item(e.sku(), true, e.version()));
                case ItemUpdated e -> itemWrites.add(item(e.sku(), true, e.version()));
                case ItemDeleted e -> itemWrites.add(item(e.sku(), false, e.version()));
                default -> { }
            }
        }
        write(locations, locationWrites);
        write(items, itemWrites);
    }

    /** Reads every stored location and item, then every stock record, into the projection. */
    public long loadInto(SourcingProjection projection) {
        long read = loadPlacesAndItemsInto(projection);
        long[] records = {0};
        stock.forEachLevel(level -> {
            projection.observed(level);
            records[0]++;
        });
        return read + records[0];
    }

    /** Reads every stored location and item into the projection; @return how many documents were read */
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
        return newer(sku, version, Updates.set("live", live));
    }

    /** An upsert that only matches an older document; against a newer one it fails as a duplicate key: stale. */
    private static UpdateOneModel<Document> newer(String id, long version, Bson changes) {
        return new UpdateOneModel<>(Filters.and(Filters.eq("_id", id), Filters.lt("version", version)),
                Updates.combine(changes, Updates.set("version", version)), new UpdateOptions().upsert(true));
    }

    /**
     * One unordered bulk write. A write that failed as a duplicate key met a document inserted meanwhile (by a
     * concurrent upsert of the same id, which is not retried by the store because the filter carries the version):
     * it is tried once more alone, and then a duplicate key means what is stored is newer.
     */
    private static void write(MongoCollection<Document> collection, List<UpdateOneModel<Document>> writes) {
        if (writes.isEmpty()) {
            return;
        }
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null
                    || e.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
            e.getWriteErrors().forEach(error -> writeAlone(collection, writes.get(error.getIndex())));
        }
    }

    private static void writeAlone(MongoCollection<Document> collection, UpdateOneModel<Document> write) {
        try {
            collection.updateOne(write.getFilter(), write.getUpdate(), write.getOptions());
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static long version(Document document) {
        Number version = document.get("version", Number.class);
        return version == null ? 0 : version.longValue();
    }
}
