package io.stockroom.contracts.order;

import io.stockroom.contracts.Require;

import java.time.Instant;
import java.util.List;

/** Event: every line of the order is reserved. */
public record OrderConfirmed(String orderId, String customer, List<AllocatedLine> lines, long version,
                             Instant occurredAt) implements OrderEvent {

    public OrderConfirmed {
        Require.id("orderId", orderId);
        Require.id("customer", customer);
        lines = List.copyOf(Require.size("lines", lines, 1, PlaceOrder.LINES_MAX));
        Require.nonNegative("version", version);
        Require.notNull("occurredAt", occurredAt);
    }
}
