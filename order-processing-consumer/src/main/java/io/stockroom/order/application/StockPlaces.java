package io.stockroom.order.application;

import java.util.Optional;

/** What orders need to know of the locations and the item catalogue (owned by other services; read only). */
public interface StockPlaces {

    /** A location as stock management stores it. */
    record Place(String code, int priority, boolean active) {
    }

    Optional<Place> location(String code);

    /** True when the item is in the catalogue and not deleted. */
    boolean itemExists(String sku);
}
