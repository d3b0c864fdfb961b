package io.stockroom.stock.ledger.domain;

/** What became of a movement: applied now, applied before (a duplicate), or refused with a reason. */
public sealed interface MovementResult {

    /** Applied by this call; {@code after} holds the new levels and version. */
    record Applied(Movement movement, StockLevel after) implements MovementResult {
    }

    /** The operation id was applied earlier; nothing changed now. {@code current} is null if the record is gone. */
    record AlreadyApplied(Movement movement, StockLevel current) implements MovementResult {
    }

    /** Not applied; {@code current} is null when there is no record. */
    record Refused(Movement movement, Refusal refusal, StockLevel current) implements MovementResult {
    }

    Movement movement();

    default boolean changedStock() {
        return !(this instanceof Refused);
    }
}
