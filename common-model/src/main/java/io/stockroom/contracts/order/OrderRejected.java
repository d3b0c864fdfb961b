package io.stockroom.contracts.order;

import io.stockroom.contracts.Require;

import java.time.Instant;
import java.util.List;

/** Event: the order could not be served in full; nothing stays reserved. One entry per line says why. */
public record OrderRejected(String orderId, String customer, List<LineRejection> lines, long version,
                            Instant occurredAt) implements OrderEvent {

    public OrderRejected {
        Require.id("orderId", orderId);
        Require.id("customer", customer);
        lines = List.copyOf(Require.size("lines", lines, 1, PlaceOrder.LINES_MAX));
        Require.nonNegative("version", version);
        Require.notNull("occurredAt", occurredAt);
    }
}
