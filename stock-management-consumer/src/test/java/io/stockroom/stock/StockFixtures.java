package io.stockroom.stock;

import io.stockroom.contracts.Command;
import io.stockroom.contracts.Role;
import io.stockroom.support.messaging.Actor;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishContext;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Set;
import java.util.UUID;

/** Test data and actions for the stock service's integration tests. */
final class StockFixtures {

    static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN));

    private StockFixtures() {
    }

    /** An item as add-item-consumer stores it, since stock refuses SKUs that are not in the catalogue. */
    static void itemExists(MongoTemplate mongo, String sku, int lowStockThreshold) {
        mongo.getCollection("items").insertOne(new Document("_id", sku)
                .append("details", new Document("name", "Watch " + sku).append("lowStockThreshold", lowStockThreshold))
                .append("version", 1L).append("deleted", false));
    }

    static String commandId() {
        return "cmd-" + UUID.randomUUID();
    }

    static void send(MessagePublisher publisher, Command command) {
        publisher.publish(command, new PublishContext("corr-" + UUID.randomUUID(), "test", ADMIN));
    }
}
