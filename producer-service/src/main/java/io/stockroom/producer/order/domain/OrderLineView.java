package io.stockroom.producer.order.domain;

import io.stockroom.contracts.item.Money;

/**
 * A line of an order; {@code location} is the shopper's choice, or after confirmation where units are reserved.
 *
 * @param unitPrice the item's price when the order was placed, or null when it is not known (an order placed before
 *                  prices were recorded, or through another instance that did not know the item)
 */
public record OrderLineView(int lineNo, String sku, int quantity, String location, Money unitPrice) {

    public OrderLineView withPrice(Money price) {
        return new OrderLineView(lineNo, sku, quantity, location, price);
    }
}
