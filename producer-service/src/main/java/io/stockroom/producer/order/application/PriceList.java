package io.stockroom.producer.order.application;

import io.stockroom.contracts.item.Money;

import java.util.Optional;

/** The current price of an item, recorded on an order line when it is placed (the shopper's price). */
@FunctionalInterface
public interface PriceList {

    Optional<Money> priceOf(String sku);
}
