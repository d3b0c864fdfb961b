package io.stockroom.order.adapter.out.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.stockroom.order.application.StockPlaces;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Optional;

/**
 * Reads {@code locations} (owned by stock-management-consumer) and {@code items} (owned by add-item-consumer) by
 * exact {@code _id}; never writes them.
 */
public final class MongoStockPlaces implements StockPlaces {

    private final MongoCollection<Document> locations;
    private final MongoCollection<Document> items;

    public MongoStockPlaces(MongoTemplate mongo) {
        this.locations = mongo.getCollection("locations");
        this.items = mongo.getCollection("items");
    }

    @Override
    public Optional<Place> location(String code) {
        Document location = locations.find(Filters.eq("_id", code))
                .projection(Projections.include("priority", "active")).first();
        if (location == null) {
            return Optional.empty();
        }
        Number priority = location.get("priority", Number.class);
        return Optional.of(new Place(code, priority == null ? Integer.MAX_VALUE : priority.intValue(),
                location.getBoolean("active", false)));
    }

    @Override
    public boolean itemExists(String sku) {
        Document item = items.find(Filters.eq("_id", sku)).projection(Projections.include("deleted")).first();
        return item != null && !item.getBoolean("deleted", false);
    }
}
