package io.stockroom.support.architecture;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who owns which MongoDB collection, and the few deliberate exceptions (ADR 0009). Each collection has exactly one
 * owning module, and only the owner's code names it; other services learn what they need from the owner's events.
 * This is the one place that says so: the shared rules ({@link ArchitectureRules}) check every module against it.
 */
public final class Ownership {

    /** Collection name to its owning module (artifact id). A map, so no collection can have two owners. */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("processed_messages", "service-support"),
            Map.entry("stock_levels", "stock-ledger"),
            Map.entry("stock_ledger", "stock-ledger"),
            Map.entry("items", "add-item-consumer"),
            Map.entry("item_republications", "add-item-consumer"),
            Map.entry("locations", "stock-management-consumer"),
            Map.entry("stock_items", "stock-management-consumer"),
            Map.entry("location_republications", "stock-management-consumer"),
            Map.entry("orders", "order-processing-consumer"),
            Map.entry("sourcing_locations", "order-processing-consumer"),
            Map.entry("sourcing_items", "order-processing-consumer"),
            Map.entry("users", "producer-service"),
            Map.entry("order_views", "producer-service"),
            Map.entry("admin_actions", "producer-service"),
            Map.entry("sessions", "producer-service"),
            Map.entry("rate_limits", "producer-service"),
            Map.entry("service_states", "health-check-service"),
            Map.entry("service_transitions", "health-check-service"));

    /**
     * A module that still names a collection it does not own, with the reason. Each is a read-only start-up or
     * look-up read of the owner's documents; removing one means feeding the reader from events (as the order
     * service's sourcing is, ADR 0009).
     */
    record Borrowed(String module, String collection, String reason) {
    }

    static final Set<Borrowed> BORROWED = Set.of(
            new Borrowed("producer-service", "items", "the read side's start-up snapshot (ADR 0005) and the dev "
                    + "seed's emptiness check read the catalogue; the producer's own stored copy is follow-up work"),
            new Borrowed("producer-service", "locations", "the read side's start-up snapshot (ADR 0005)"));


    /**
     * The stock ledger library is the one gateway to the stock collections (ADR 0009): these deployables may use
     * exactly these of its persistence classes, and no other module may use any.
     */
    static final Map<String, Set<String>> STOCK_GATEWAY = Map.of(
            "stock-management-consumer", Set.of("MongoStockLedger", "MongoStockQueries"),
            "order-processing-consumer", Set.of("MongoStockLedger", "MongoStockQueries"),
            "add-item-consumer", Set.of("MongoStockQueries"),
            "producer-service", Set.of("MongoStockQueries"));

    static final String STOCK_GATEWAY_PACKAGE = "io.stockroom.stock.ledger.adapter.out.persistence";

    private Ownership() {
    }

    static Set<String> ownedBy(String module) {
        return OWNER.entrySet().stream().filter(entry -> entry.getValue().equals(module)).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    static Optional<String> borrowed(String module, String collection) {
        return BORROWED.stream().filter(e -> e.module().equals(module) && e.collection().equals(collection))
                .map(Borrowed::reason).findFirst();
    }
}
