package io.stockroom.item.catalog.adapter.out.persistence;

import io.stockroom.contracts.item.ItemDeleted;
import io.stockroom.contracts.item.ItemEvent;
import io.stockroom.contracts.item.ItemUpdated;
import io.stockroom.item.catalog.domain.Item;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.mongo.Republication;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * Re-announces every stored item once per database (ADR 0009), so that the copies other services keep from item
 * events ({@code sourcing_items}, {@code stock_items}) are filled even for items that existed before those copies
 * did. A live item is announced as {@link ItemUpdated} and a tombstone as {@link ItemDeleted}, each at its stored
 * version; completion is recorded in {@code item_republications}.
 */
public final class MongoItemRepublication {

    public static final String MARKERS = "item_republications";

    private MongoItemRepublication() {
    }

    public static Republication of(MongoTemplate mongo, MessagePublisher publisher, String service, Clock clock,
                                   int pageSize) {
        return new Republication("items", mongo.getCollection(MongoItems.COLLECTION), mongo.getCollection(MARKERS),
                document -> event(document, clock), publisher, service, clock, pageSize);
    }

    /** The item's current state as its event; it happened when the item was last stored. */
    static ItemEvent event(Document document, Clock clock) {
        Item item = MongoItems.item(document);
        Date updatedAt = document.getDate("updatedAt");
        Instant at = updatedAt != null ? updatedAt.toInstant() : clock.instant();
        return item.deleted() ? new ItemDeleted(item.sku(), item.version(), at)
                : new ItemUpdated(item.sku(), item.details(), item.version(), at);
    }
}
