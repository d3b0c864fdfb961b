package io.stockroom.stock.movement.adapter.out.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDeleted;
import io.stockroom.contracts.item.ItemEvent;
import io.stockroom.contracts.item.ItemUpdated;
import io.stockroom.stock.movement.application.Catalog;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;
import java.util.OptionalInt;

/**
 * Stock management's own copy of the items in {@code stock_items}: {@code _id} = SKU, {@code live},
 * {@code lowStockThreshold}, {@code version}. Kept from the item events (ADR 0008); each write is an upsert guarded
 * by the event's version, so a repeated, late or concurrently applied event never undoes a newer one.
 */
public final class MongoCatalog implements Catalog {

    static final String COLLECTION = "stock_items";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> items;

    public MongoCatalog(MongoTemplate mongo) {
        this.items = mongo.getCollection(COLLECTION);
    }

    @Override
    public OptionalInt lowStockThresholdOf(String sku) {
        Document item = items.find(Filters.eq("_id", sku)).first();
        if (item == null || !item.getBoolean("live", false)) {
            return OptionalInt.empty();
        }
        Number threshold = item.get("lowStockThreshold", Number.class);
        return OptionalInt.of(threshold == null ? 0 : threshold.intValue());
    }

    @Override
    public void recordAll(List<ItemEvent> events) {
        List<UpdateOneModel<Document>> writes = events.stream().map(MongoCatalog::write).toList();
        if (writes.isEmpty()) {
            return;
        }
        try {
            items.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null
                    || e.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
            // A duplicate key met a document inserted meanwhile (a concurrent upsert of the same SKU, which the
            // store does not retry since the filter carries the version): tried once more alone, a duplicate key
            // then means what is stored is newer.
            e.getWriteErrors().forEach(error -> writeAlone(writes.get(error.getIndex())));
        }
    }

    private void writeAlone(UpdateOneModel<Document> write) {
        try {
            items.updateOne(write.getFilter(), write.getUpdate(), write.getOptions());
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static UpdateOneModel<Document> write(ItemEvent event) {
        return switch (event) {
            case ItemCreated e -> newer(e.sku(), e.version(), Updates.combine(Updates.set("live", true),
                    Updates.set("lowStockThreshold", e.details().lowStockThreshold())));
            case ItemUpdated e -> newer(e.sku(), e.version(), Updates.combine(Updates.set("live", true),
                    Updates.set("lowStockThreshold", e.details().lowStockThreshold())));
            case ItemDeleted e -> newer(e.sku(), e.version(), Updates.set("live", false));
        };
    }

    /** An upsert that only matches an older document; against a newer one it fails as a duplicate key: stale. */
    private static UpdateOneModel<Document> newer(String sku, long version, Bson changes) {
        return new UpdateOneModel<>(Filters.and(Filters.eq("_id", sku), Filters.lt("version", version)),
                Updates.combine(changes, Updates.set("version", version)), new UpdateOptions().upsert(true));
    }
}
