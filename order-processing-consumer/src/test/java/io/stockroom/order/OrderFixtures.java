package io.stockroom.order;

import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.Role;
import io.stockroom.contracts.order.OrderLine;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.contracts.order.SourcingStrategy;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.stock.ledger.domain.Movement;
import io.stockroom.stock.ledger.domain.Provenance;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.support.messaging.Actor;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishContext;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test data and actions for the order service's integration tests. Items and locations are written as their owning
 * services store them; stock arrives through the ledger, as stock management would receive it.
 */
final class OrderFixtures {

    static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN));
    static final Actor ALICE = new Actor("alice", Set.of(Role.USER));
    static final Actor BOB = new Actor("bob", Set.of(Role.USER));

    private OrderFixtures() {
    }

    static String sku() {
        return "WATCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String locationCode(String prefix) {
        return prefix + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    static String orderId() {
        return "order-" + UUID.randomUUID();
    }

    static String commandId() {
        return "cmd-" + UUID.randomUUID();
    }

    /** An item as add-item-consumer stores it. */
    static void itemExists(MongoTemplate mongo, String sku) {
        mongo.getCollection("items").insertOne(new Document("_id", sku)
                .append("details", new Document("name", "Watch " + sku).append("lowStockThreshold", 2))
                .append("version", 1L).append("deleted", false));
    }

    /** A location as stock-management-consumer stores it. */
    static void locationExists(MongoTemplate mongo, String code, int priority, boolean active) {
        mongo.getCollection("locations").insertOne(new Document("_id", code).append("name", "Place " + code)
                .append("type", "WAREHOUSE").append("priority", priority).append("active", active)
                .append("version", 1L));
    }

    static void receive(StockLedger ledger, String sku, String location, int quantity) {
        ledger.apply(Movement.received("receipt-" + UUID.randomUUID(), new StockKey(sku, location), quantity,
                new Provenance("admin", "test", "seed", Instant.now())));
    }

    static PlaceOrder order(String customer, OrderLine... lines) {
        return new PlaceOrder(orderId(), customer, List.of(lines), SourcingStrategy.MOST_AVAILABLE, Instant.now());
    }

    static void send(MessagePublisher publisher, MessageType type, Record command, Actor actor) {
        publisher.publish(type, command, new PublishContext("corr-" + UUID.randomUUID(), "test", actor));
    }

    /** Publishes many commands in one go: all sent, then all confirms awaited. */
    static void sendAll(MessagePublisher publisher, MessageType type, List<? extends Record> commands, Actor actor) {
        publisher.publishAll(commands.stream().map(c -> new MessagePublisher.Outgoing(type, c)).toList(),
                new PublishContext("corr-" + UUID.randomUUID(), "test", actor));
    }
}
