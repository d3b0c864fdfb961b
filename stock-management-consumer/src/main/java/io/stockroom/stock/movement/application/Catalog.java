package io.stockroom.stock.movement.application;

import java.util.OptionalInt;

/** What stock management needs to know of the item catalogue (owned by add-item-consumer). */
public interface Catalog {

    /** The item's default low-stock threshold, or empty when no such item exists (or it was deleted). */
    OptionalInt lowStockThresholdOf(String sku);
}
