package io.stockroom.producer.order.domain;

import java.time.Instant;

/** One step of an order's history. */
public record StatusChange(OrderStatus status, Instant at, String detail) {
}
