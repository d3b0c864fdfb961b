package io.stockroom.stock.movement.application;

import io.stockroom.contracts.item.ItemEvent;

import java.util.List;
import java.util.OptionalInt;

/**
 * What stock management knows of the item catalogue (owned by add-item-consumer): its own copy, kept from the item
 * events (ADR 0009). The copy may lag the catalogue by moments; {@link ItemCheck} waits a grace period for an item
 * that is not there yet.
 */
public interface Catalog {

    /** The item's default low-stock threshold, or empty when no such item exists (or it was deleted). */
    OptionalInt lowStockThresholdOf(String sku);

    /** Takes these item events into the copy; an event older than what is kept changes nothing. */
    void recordAll(List<ItemEvent> events);
}
