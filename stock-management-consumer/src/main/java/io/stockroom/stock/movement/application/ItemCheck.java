package io.stockroom.stock.movement.application;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.RejectionCode;
import io.stockroom.contracts.stock.StockCommand;
import io.stockroom.stock.CommandContext;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.support.messaging.TransientFailure;

import java.time.Duration;
import java.util.Optional;

/**
 * Refuses stock for items that do not exist. Items and stock travel on different queues, so an item created a
 * moment before its first receipt may not be visible yet; a young command waits for it (retried, then requeued)
 * instead of being refused.
 */
public final class ItemCheck {

    private final Catalog catalog;
    private final Duration itemArrivalGrace;

    public ItemCheck(Catalog catalog, Duration itemArrivalGrace) {
        this.catalog = catalog;
        this.itemArrivalGrace = itemArrivalGrace;
    }

    Optional<CommandOutcome> check(StockCommand command, StockKey key, CommandContext context) {
        if (catalog.lowStockThresholdOf(key.sku()).isPresent()) {
            return Optional.empty();
        }
        if (context.sentAt().plus(itemArrivalGrace).isAfter(context.now())) {
            throw new TransientFailure("item " + key.sku() + " is not in the catalogue yet; waiting for it");
        }
        return Optional.of(CommandOutcome.rejected(command, RejectionCode.UNKNOWN_SKU,
                "There is no item " + key.sku() + " in the catalogue", context.now()));
    }
}
