package io.stockroom.contracts;

import io.stockroom.contracts.account.AccountEvent;
import io.stockroom.contracts.item.ItemEvent;
import io.stockroom.contracts.location.LocationEvent;
import io.stockroom.contracts.order.OrderEvent;
import io.stockroom.contracts.stock.StockEvent;

/**
 * Something that happened, published by the service that owns the data it is about, to every subscriber. Events
 * carry versions, so a subscriber keeps the newest state whatever order they arrive in.
 */
public sealed interface Event extends Payload
        permits ItemEvent, LocationEvent, StockEvent, OrderEvent, AccountEvent, CommandOutcome {
}
