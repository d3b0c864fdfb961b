package io.stockroom.order.adapter.out.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import io.stockroom.order.application.OrderStore;
import io.stockroom.order.domain.Order;
import io.stockroom.support.mongo.Inserts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Orders in the {@code orders} collection, keyed by order id. Every write of an existing order is a whole-document
 * replace guarded by the version it was derived from: one atomic single-document compare-and-set. The batch path
 * writes many orders per round trip with unordered bulk writes, each item still its own guarded write.
 */
public final class MongoOrders implements OrderStore {

    public static final String COLLECTION = "orders";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public MongoOrders(MongoTemplate mongo, Clock clock) {
        this.collection = mongo.getCollection(COLLECTION);
        this.clock = clock;
    }

    @Override
    public Optional<Order> find(String orderId) {
        return Optional.ofNullable(collection.find(Filters.eq(OrderDocuments.ID, orderId)).first())
                .map(OrderDocuments::order);
    }

    @Override
    public Map<String, Order> findAll(Collection<String> orderIds) {
        Map<String, Order> found = new HashMap<>();
        if (!orderIds.isEmpty()) {
            collection.find(Filters.in(OrderDocuments.ID, orderIds)).map(OrderDocuments::order)
                    .forEach(order -> found.put(order.orderId(), order));
        }
        return found;
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
    public Set<String> insertNew(List<Order> placed) {
        if (placed.isEmpty()) {
            return Set.of();
        }
        Instant now = clock.instant();
        Set<String> inserted = new LinkedHashSet<>();
        placed.forEach(order -> inserted.add(order.orderId()));
        try {
            collection.insertMany(placed.stream().map(order -> OrderDocuments.document(order, now)).toList(),
                    new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                inserted.remove(placed.get(error.getIndex()).orderId());
            }
            if (e.getWriteConcernError() != null) {
                throw e;
            }
        }
        return inserted;
    }

    @Override
    public boolean replace(Order updated) {
        return collection.replaceOne(guard(updated), OrderDocuments.document(updated, clock.instant()))
                .getMatchedCount() == 1;
    }

    /**
     * A bulk write reports only how many items matched, not which: when fewer than all did, the orders are read
     * back, and one counts as written when the store holds it at the version and status this write gave it
     * (a competitor that got there first made the same move from the same version).
     */
    @Override
    public Set<String> replaceAll(List<Order> updated) {
        if (updated.isEmpty()) {
            return Set.of();
        }
        Instant now = clock.instant();
        int matched = collection.bulkWrite(updated.stream().map(order -> new ReplaceOneModel<>(guard(order),
                        OrderDocuments.document(order, now))).toList(), new BulkWriteOptions().ordered(false))
                .getMatchedCount();
        Set<String> written = new LinkedHashSet<>();
        if (matched == updated.size()) {
            updated.forEach(order -> written.add(order.orderId()));
            return written;
        }
        Map<String, Order> stored = findAll(new HashSet<>(updated.stream().map(Order::orderId).toList()));
        for (Order order : updated) {
            Order current = stored.get(order.orderId());
            if (current != null && current.version() == order.version() && current.status() == order.status()) {
                written.add(order.orderId());
            }
        }
        return written;
    }

    private static Bson guard(Order updated) {
        return Filters.and(Filters.eq(OrderDocuments.ID, updated.orderId()),
                Filters.eq(OrderDocuments.VERSION, updated.version() - 1));
    }
}
