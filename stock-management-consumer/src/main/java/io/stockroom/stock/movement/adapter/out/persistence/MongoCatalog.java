package io.stockroom.stock.movement.adapter.out.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.stockroom.stock.movement.application.Catalog;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.OptionalInt;

/** Reads item existence and default thresholds from the {@code items} collection (owned by add-item-consumer). */
public final class MongoCatalog implements Catalog {

    private final MongoCollection<Document> items;

    public MongoCatalog(MongoTemplate mongo) {
        this.items = mongo.getCollection("items");
    }

    @Override
    public OptionalInt lowStockThresholdOf(String sku) {
        Document item = items.find(Filters.eq("_id", sku))
                .projection(Projections.include("deleted", "details.lowStockThreshold")).first();
        if (item == null || item.getBoolean("deleted", false)) {
            return OptionalInt.empty();
        }
        Document details = item.get("details", Document.class);
        Number threshold = details == null ? null : details.get("lowStockThreshold", Number.class);
        return OptionalInt.of(threshold == null ? 0 : threshold.intValue());
    }
}
