package io.stockroom.order;

import io.stockroom.contracts.Event;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.Money;
import io.stockroom.contracts.location.LocationChanged;
import io.stockroom.contracts.location.LocationType;
import io.stockroom.order.adapter.out.projection.SourcingProjection;
import io.stockroom.stock.ledger.application.StockEvents;
import io.stockroom.stock.ledger.application.StockLedger;
import io.stockroom.stock.ledger.domain.Movement;
import io.stockroom.stock.ledger.domain.MovementResult;
import io.stockroom.stock.ledger.domain.Provenance;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.support.messaging.Actor;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishContext;
import org.awaitility.Awaitility;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Stands in for the services that own items, locations and stock: it announces them with the events those
 * services publish (stock through the ledger, as stock management receives it), then waits until every order
 * consumer instance under test has seen the announcement, as a deployed system converges within moments.
 */
final class Owners {

    private static final Duration SEEN_WITHIN = Duration.ofSeconds(10);
    private static final Actor STOCK_MANAGEMENT = Actor.service("stock-management-consumer");

    private final MessagePublisher publisher;
    private final StockLedger ledger;
    private final List<SourcingProjection> instances;

    Owners(MessagePublisher publisher, StockLedger ledger, List<SourcingProjection> instances) {
        this.publisher = publisher;
        this.ledger = ledger;
        this.instances = List.copyOf(instances);
    }

    /** An item in the catalogue, as add-item-consumer announces a new one. */
    void item(String sku) {
        announce(new ItemCreated(sku, new ItemDetails("Watch " + sku, "Stockroom", "Watches",
                new Money(new BigDecimal("99.00"), "INR"), Map.of(), 2), 1, Instant.now()));
        awaitSeen(view -> view.itemExists(sku));
    }

    /** A location, as stock management announces a registered (or deactivated) one. */
    void location(String code, int priority, boolean active) {
        announce(new LocationChanged(code, "Place " + code, LocationType.WAREHOUSE, priority, active,
                active ? LocationChanged.Change.REGISTERED : LocationChanged.Change.DEACTIVATED, 1, Instant.now()));
        awaitSeen(view -> view.location(code).filter(place -> place.active() == active).isPresent());
    }

    /** Units received, as stock management applies and announces a receipt. */
    void receive(String sku, String location, int quantity) {
        MovementResult result = ledger.apply(Movement.received("receipt-" + UUID.randomUUID(),
                new StockKey(sku, location), quantity, new Provenance("admin", "test", "seed", Instant.now())));
        int available = ((MovementResult.Applied) result).after().available();
        StockEvents.of(result, Instant.now()).forEach(this::announce);
        awaitSeen(view -> view.availableAt(sku).getOrDefault(location, -1) >= available);
    }

    /** Units another order holds, as the order service applies and announces a reservation. */
    void reservedByOthers(String sku, String location, int quantity) {
        MovementResult result = ledger.apply(Movement.reserved("someone-else-" + UUID.randomUUID() + ":reserve",
                new StockKey(sku, location), quantity, new Provenance("carol", "test", null, Instant.now())));
        int available = ((MovementResult.Applied) result).after().available();
        StockEvents.of(result, Instant.now()).forEach(this::announce);
        awaitSeen(view -> view.availableAt(sku).getOrDefault(location, -1) == available);
    }

    private void announce(Event event) {
        publisher.publish(event, new PublishContext("corr-" + UUID.randomUUID(), "test", STOCK_MANAGEMENT));
    }

    private void awaitSeen(Predicate<SourcingProjection> seen) {
        Awaitility.await().atMost(SEEN_WITHIN).until(() -> instances.stream().allMatch(seen));
    }
}
