package io.stockroom.stock.ledger.domain;

import io.stockroom.contracts.stock.MovementKind;

/** An immutable record of one applied movement; the sum of a record's entries equals its levels (invariant 2). */
public record LedgerEntry(String operationId, StockKey key, MovementKind kind, int onHandDelta, int reservedDelta,
                          Provenance provenance) {

    public static LedgerEntry of(Movement movement) {
        return new LedgerEntry(movement.operationId(), movement.key(), movement.kind(), movement.onHandDelta(),
                movement.reservedDelta(), movement.provenance());
    }
}
