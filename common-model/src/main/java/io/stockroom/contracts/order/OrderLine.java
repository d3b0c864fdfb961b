package io.stockroom.contracts.order;

import io.stockroom.contracts.Require;

/**
 * One line of an order as the shopper asked for it.
 *
 * @param location where to take the units from, or null to let the sourcing strategy choose
 */
public record OrderLine(String sku, int quantity, String location) {

    /** Upper bound on units per line: a shopper's order, not a wholesale transfer. */
    public static final int QUANTITY_MAX = 1_000;

    public OrderLine {
        Require.sku(sku);
        Require.inRange("quantity", quantity, 1, QUANTITY_MAX);
        if (location != null) {
            Require.location("location", location);
        }
    }
}
