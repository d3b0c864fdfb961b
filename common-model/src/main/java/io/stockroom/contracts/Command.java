package io.stockroom.contracts;

import io.stockroom.contracts.item.ItemCommand;
import io.stockroom.contracts.location.LocationCommand;
import io.stockroom.contracts.order.OrderCommand;
import io.stockroom.contracts.stock.StockCommand;

/**
 * A request to change something, sent by the producer on behalf of a signed-in user and handled by exactly one
 * service. Every command carries its own id, which makes handling it idempotent and names its outcome.
 */
public sealed interface Command extends Payload
        permits ItemCommand, LocationCommand, StockCommand, OrderCommand {

    /** The command's id: what a {@link CommandOutcome} refers to, and what makes a repeated command harmless. */
    String commandId();

    /** What the command is about, for people: a SKU, a {@code SKU@LOCATION}, a location code or an order id. */
    String subject();
}
