package io.stockroom.order.adapter.out.persistence;

import com.mongodb.client.MongoCollection;
import io.stockroom.support.mongo.Inserts;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.stockroom.order.application.Orders;
import io.stockroom.order.domain.Order;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.util.Optional;

/**
 * Orders in the {@code orders} collection, keyed by order id. Every write of an existing order is a whole-document
 * replace guarded by the version it was derived from: one atomic single-document compare-and-set.
 */
public final class MongoOrders implements Orders {

    public static final String COLLECTION = "orders";

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public MongoOrders(MongoTemplate mongo, Clock clock) {
        this.collection = mongo.getCollection(COLLECTION);
        this.clock = clock;
        // "My orders", newest first: the only query besides the exact _id match.
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending(OrderDocuments.CUSTOMER),
                Indexes.descending(OrderDocuments.PLACED_AT)), new IndexOptions().name("orders_by_customer"));
    }

    @Override
    public Optional<Order> find(String orderId) {
        return Optional.ofNullable(collection.find(Filters.eq(OrderDocuments.ID, orderId)).first())
                .map(OrderDocuments::order);
    }

    @Override
    public Order createOrGet(Order placed) {
        if (Inserts.insertIfAbsent(collection, OrderDocuments.document(placed, clock.instant()))) {
            return placed;
        }
        return find(placed.orderId()).orElseThrow(() -> new IllegalStateException(
                "order " + placed.orderId() + " exists and does not"));
    }

    @Override
    public boolean replace(Order updated) {
        return collection.replaceOne(Filters.and(Filters.eq(OrderDocuments.ID, updated.orderId()),
                        Filters.eq(OrderDocuments.VERSION, updated.version() - 1)),
                OrderDocuments.document(updated, clock.instant())).getMatchedCount() == 1;
    }
}
