package io.stockroom.contracts.order;

import io.stockroom.contracts.Command;

/** A shopper's or admin's request about an order, handled by order-processing-consumer. */
public sealed interface OrderCommand extends Command permits PlaceOrder, CancelOrder, FulfilOrder {
}
