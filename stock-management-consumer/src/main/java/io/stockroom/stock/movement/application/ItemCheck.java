package io.stockroom.stock.movement.application;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.RejectionCode;
import io.stockroom.contracts.stock.StockCommand;
import io.stockroom.stock.CommandContext;
import io.stockroom.stock.ledger.domain.StockKey;
import io.stockroom.support.messaging.TransientFailure;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Refuses stock for items that do not exist. Items and stock travel on different queues, so an item created a
 * moment before its first receipt may not be in this service's copy yet; such a command waits for it (retried, then
 * requeued) instead of being refused. It waits while the copy is still reading what queued up before this instance
 * started, and then for a grace period counted from when the command was sent or, if later, from when the copy
 * caught up: a command sent while this service was down must not be judged against a copy that has not read the
 * events of that time yet.
 */
public final class ItemCheck {

    /** When this instance's copy of the catalogue first caught up with its queue (see {@code QueueCatchUp}). */
    @FunctionalInterface
    public interface CopyCatchUp {
        Optional<Instant> caughtUpAt();
    }

    private final Catalog catalog;
    private final CopyCatchUp copy;
    private final Duration itemArrivalGrace;

    public ItemCheck(Catalog catalog, CopyCatchUp copy, Duration itemArrivalGrace) {
        this.catalog = catalog;
        this.copy = copy;
        this.itemArrivalGrace = itemArrivalGrace;
    }

    Optional<CommandOutcome> check(StockCommand command, StockKey key, CommandContext context) {
        if (catalog.lowStockThresholdOf(key.sku()).isPresent()) {
            return Optional.empty();
        }
        Instant caughtUp = copy.caughtUpAt().orElseThrow(() -> new TransientFailure("item " + key.sku()
                + " is not in the copy of the catalogue, which is still reading its queue; waiting for it"));
        Instant waitingSince = context.sentAt().isAfter(caughtUp) ? context.sentAt() : caughtUp;
        if (waitingSince.plus(itemArrivalGrace).isAfter(context.now())) {
            throw new TransientFailure("item " + key.sku() + " is not in the catalogue yet; waiting for it");
        }
        return Optional.of(CommandOutcome.rejected(command, RejectionCode.UNKNOWN_SKU,
                "There is no item " + key.sku() + " in the catalogue", context.now()));
    }
}
