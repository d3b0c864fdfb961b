package io.stockroom.contracts.order;

import io.stockroom.contracts.Require;

import java.time.Instant;

/** Event: a confirmed order was cancelled and its units released. */
public record OrderCancelled(String orderId, String customer, String cancelledBy, String reason, long version,
                             Instant occurredAt) implements OrderEvent {

    public OrderCancelled {
        Require.id("orderId", orderId);
        Require.id("customer", customer);
        Require.id("cancelledBy", cancelledBy);
        reason = Require.optionalText("reason", reason, 500);
        Require.nonNegative("version", version);
        Require.notNull("occurredAt", occurredAt);
    }
}
