package io.stockroom.contracts.order;

import io.stockroom.contracts.Event;

/** What became of an order, published by order-processing-consumer. */
public sealed interface OrderEvent extends Event permits OrderConfirmed, OrderRejected, OrderCancelled, OrderFulfilled {

    String orderId();

    /** The shopper who owns the order. */
    String customer();

    /** The order's version after the change; a reader keeps the highest it saw. */
    long version();
}
