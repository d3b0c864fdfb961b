package io.stockroom.stock.movement.application;

import io.stockroom.stock.ledger.domain.MovementResult;
import io.stockroom.stock.ledger.domain.StockLevel;

/** Sentences that tell an admin why a stock change was refused. */
final class Refusals {

    private Refusals() {
    }

    static String explain(MovementResult.Refused refused) {
        StockLevel current = refused.current();
        String where = refused.movement().key().sku() + " at " + refused.movement().key().location();
        return switch (refused.refusal()) {
            case INSUFFICIENT_AVAILABLE -> "Only " + (current == null ? 0 : current.available())
                    + " available (" + (current == null ? 0 : current.levels().reserved()) + " reserved) for " + where;
            case INSUFFICIENT_RESERVED -> "Only " + (current == null ? 0 : current.levels().reserved())
                    + " reserved for " + where;
            case COUNT_MISMATCH -> "On hand for " + where + " is " + (current == null ? 0 : current.levels().onHand())
                    + ", not the expected " + refused.movement().expectedOnHand();
            case NO_STOCK_RECORD -> "There is no stock record for " + where;
            case RECORD_NOT_EMPTY -> where + " still has " + (current == null ? 0 : current.levels().onHand())
                    + " on hand and " + (current == null ? 0 : current.levels().reserved()) + " reserved";
        };
    }
}
