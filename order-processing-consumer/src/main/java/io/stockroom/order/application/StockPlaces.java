package io.stockroom.order.application;

import io.stockroom.contracts.Event;
import io.stockroom.stock.ledger.domain.StockLevel;

import java.util.Map;
import java.util.Optional;

/**
 * What sourcing needs to know of locations, items and stock levels, from memory: the hot path reads nothing from
 * the store but the guarded reservation itself. What it answers may lag the store by moments; that only makes a
 * reservation refused, never oversold, because the guarded update has the last word.
 */
public interface StockPlaces {

    /** A location as stock management announces it. */
    record Place(String code, int priority, boolean active) {
    }

    Optional<Place> location(String code);

    /** True when the item is in the catalogue and not deleted. */
    boolean itemExists(String sku);

    /** The SKU's stock records as last seen: units available by location code; empty when it has none. */
    Map<String, Integer> availableAt(String sku);

    /** The store's answer to one of this service's own changes, so sourcing sees it before its event arrives. */
    void observed(StockLevel level);

    /** Takes in one event of a location, an item or a stock record; events sourcing does not need are ignored. */
    void apply(Event event);
}
