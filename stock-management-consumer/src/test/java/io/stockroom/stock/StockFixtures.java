package io.stockroom.stock;

import io.stockroom.contracts.Command;
import io.stockroom.contracts.Role;
import io.stockroom.support.messaging.Actor;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishContext;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.Money;
import io.stockroom.stock.movement.application.Catalog;
import org.awaitility.Awaitility;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/** Test data and actions for the stock service's integration tests. */
final class StockFixtures {

    static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN));

    private StockFixtures() {
    }

    /**
     * An item announced as add-item-consumer announces a new one (stock refuses SKUs that are not in the catalogue),
     * waited for until the service's own copy holds it.
     */
    static void itemExists(MessagePublisher publisher, Catalog catalog, String sku, int lowStockThreshold) {
        publisher.publish(new ItemCreated(sku, new ItemDetails("Watch " + sku, "Stockroom", "Watches",
                        new Money(new BigDecimal("99.00"), "INR"), Map.of(), lowStockThreshold), 1, Instant.now()),
                new PublishContext("corr-" + UUID.randomUUID(), "test", Actor.service("add-item-consumer")));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> catalog.lowStockThresholdOf(sku).equals(OptionalInt.of(lowStockThreshold)));
    }

    static String commandId() {
        return "cmd-" + UUID.randomUUID();
    }

    static void send(MessagePublisher publisher, Command command) {
        publisher.publish(command, new PublishContext("corr-" + UUID.randomUUID(), "test", ADMIN));
    }
}
