package io.stockroom.order.domain;

import io.stockroom.contracts.Require;

import java.time.Instant;

/** One entry of an order's history: it became {@code status} at {@code at} because of {@code by}. */
public record StatusChange(OrderStatus status, Instant at, String by, String detail) {

    public StatusChange {
        Require.notNull("status", status);
        Require.notNull("at", at);
        Require.id("by", by);
        detail = Require.optionalText("detail", detail, 500);
    }
}
