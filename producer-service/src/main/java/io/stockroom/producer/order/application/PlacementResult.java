package io.stockroom.producer.order.application;

import io.stockroom.producer.order.domain.OrderView;

import java.time.Duration;

/** What became of an order placement. */
public sealed interface PlacementResult {

    /** @param created false when the same user and key had placed this order before: nothing new was sent */
    record Placed(OrderView order, boolean created) implements PlacementResult {
    }

    /** Too many orders in a short time; try again after {@code retryAfter}. */
    record RateLimited(Duration retryAfter) implements PlacementResult {
    }
}
