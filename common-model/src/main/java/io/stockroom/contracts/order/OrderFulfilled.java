package io.stockroom.contracts.order;

import io.stockroom.contracts.Require;

import java.time.Instant;

/** Event: a confirmed order shipped; its reserved units left on-hand stock. */
public record OrderFulfilled(String orderId, String customer, String fulfilledBy, long version,
                             Instant occurredAt) implements OrderEvent {

    public OrderFulfilled {
        Require.id("orderId", orderId);
        Require.id("customer", customer);
        Require.id("fulfilledBy", fulfilledBy);
        Require.nonNegative("version", version);
        Require.notNull("occurredAt", occurredAt);
    }
}
