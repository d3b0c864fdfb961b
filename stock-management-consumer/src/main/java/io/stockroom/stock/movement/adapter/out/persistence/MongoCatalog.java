package io.stockroom.stock.movement.adapter.out.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDeleted;
import io.stockroom.contracts.item.ItemEvent;
import io.stockroom.contracts.item.ItemUpdated;
import io.stockroom.stock.movement.application.Catalog;
import io.stockroom.support.mongo.VersionedUpserts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;
import java.util.OptionalInt;

/**
 * Stock management's own copy of the items in {@code stock_items}: {@code _id} = SKU, {@code live},
 * {@code lowStockThreshold}, {@code version}. Kept from the item events (ADR 0009); each write is an upsert guarded
 * by the event's version, so a repeated, late or concurrently applied event never undoes a newer one.
 */
public final class MongoCatalog implements Catalog {

    static final String COLLECTION = "stock_items";

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
        VersionedUpserts.applyAll(items, events.stream().map(MongoCatalog::write).toList());
    }

    private static UpdateOneModel<Document> write(ItemEvent event) {
        return switch (event) {
            case ItemCreated e -> VersionedUpserts.newer(e.sku(), e.version(), live(e.details().lowStockThreshold()));
            case ItemUpdated e -> VersionedUpserts.newer(e.sku(), e.version(), live(e.details().lowStockThreshold()));
            case ItemDeleted e -> VersionedUpserts.newer(e.sku(), e.version(), Updates.set("live", false));
        };
    }

    private static Bson live(int lowStockThreshold) {
        return Updates.combine(Updates.set("live", true), Updates.set("lowStockThreshold", lowStockThreshold));
    }
}
