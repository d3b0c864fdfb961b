package io.stockroom.producer.order.domain;

/** A line of an order; {@code location} is the shopper's choice, or after confirmation where units are reserved. */
public record OrderLineView(int lineNo, String sku, int quantity, String location) {
}
