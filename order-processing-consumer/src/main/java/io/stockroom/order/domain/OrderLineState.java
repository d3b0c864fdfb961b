package io.stockroom.order.domain;

import io.stockroom.contracts.Require;
import io.stockroom.contracts.order.OrderLine;
import io.stockroom.contracts.order.PlaceOrder;

/**
 * One line of an order as the consumer tracks it.
 *
 * @param requestedLocation the location the shopper named, or null to let sourcing choose
 * @param location          where the line is (to be) reserved; null until chosen. Once set it never changes, so
 *                          every retry uses the same stock record and the same operation ids.
 */
public record OrderLineState(int lineNo, String sku, int quantity, String requestedLocation, String location) {

    public OrderLineState {
        Require.inRange("lineNo", lineNo, 0, PlaceOrder.LINES_MAX - 1);
        Require.sku(sku);
        Require.inRange("quantity", quantity, 1, OrderLine.QUANTITY_MAX);
        if (requestedLocation != null) {
            Require.location("requestedLocation", requestedLocation);
            if (!requestedLocation.equals(location)) {
                throw new IllegalArgumentException("a line with a requested location is reserved there");
            }
        }
        if (location != null) {
            Require.location("location", location);
        }
    }

    static OrderLineState of(int lineNo, OrderLine line) {
        return new OrderLineState(lineNo, line.sku(), line.quantity(), line.location(), line.location());
    }

    public boolean hasLocation() {
        return location != null;
    }

    OrderLineState at(String chosen) {
        if (location != null) {
            throw new IllegalStateException("line " + lineNo + " already has location " + location);
        }
        return new OrderLineState(lineNo, sku, quantity, null, Require.location("location", chosen));
    }
}
