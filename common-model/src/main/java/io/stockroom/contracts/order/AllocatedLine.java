package io.stockroom.contracts.order;

import io.stockroom.contracts.Require;

/** A line of a confirmed order with the location its units are reserved at. */
public record AllocatedLine(int lineNo, String sku, String location, int quantity) {

    public AllocatedLine {
        Require.inRange("lineNo", lineNo, 0, PlaceOrder.LINES_MAX - 1);
        Require.sku(sku);
        Require.location("location", location);
        Require.inRange("quantity", quantity, 1, OrderLine.QUANTITY_MAX);
    }
}
